/**
 * The header's Data menu: generate sample data, import files and clear data (the dialogs live outside the
 * menu, so folding it does not hide them), also opened by commands. Both run the refresh
 * command (statistics, filter options and the network) when they finish.
 */
import { useMemo, useState } from 'react';
import { useCommands } from '../../commands/context';
import { useProvideTool } from '../../commands/tools';
import { DEFAULT_REGIONS } from '@shared/domain';
import { useClient } from '../../client/context';
import { useAppData } from '../../state/context';
import { useStore } from '../../state/store';
import { ClearDialog } from './ClearDialog';
import { GenerateDialog } from './GenerateDialog';
import { ImportDialog } from './ImportDialog';
import { Popover } from '../../components/Popover';

/**
 * Regions to generate into: the server's configured ones (the only ones it accepts); the usual
 * ones until its settings are known. Clearing also offers any other region the data holds.
 */
const generateRegions = (configured: readonly string[] | undefined): string[] => [
  ...(configured ?? DEFAULT_REGIONS),
];
const clearRegions = (
  configured: readonly string[] | undefined,
  inData: readonly string[] | undefined,
): string[] => [...new Set([...generateRegions(configured), ...(inData ?? [])])];

export function DataTool(): React.JSX.Element {
  const client = useClient();
  const appData = useAppData();
  const inData = useStore(appData.store, (s) => s.options?.regions);
  const settings = useStore(appData.store, (s) => s.settings);
  const configured = settings?.regions;
  const regions = useMemo(() => generateRegions(configured), [configured]);
  const clearable = useMemo(() => clearRegions(configured, inData), [configured, inData]);
  const [open, setOpen] = useState<'generate' | 'clear' | 'import' | null>(null);

  useProvideTool('data', { open: setOpen });
  const { run } = useCommands();
  const refresh = (): void => run('refresh');

  return (
    <span className="data-tool">
      <Popover label="Data" testId="data-tool">
        {(close) => (
          <div className="export-menu">
            <button
              type="button"
              onClick={() => {
                close();
                setOpen('generate');
              }}
            >
              Generate sample data…
            </button>
            <button
              type="button"
              onClick={() => {
                close();
                setOpen('import');
              }}
            >
              Import files…
            </button>
            <button
              type="button"
              onClick={() => {
                close();
                setOpen('clear');
              }}
            >
              Clear data…
            </button>
          </div>
        )}
      </Popover>
      <GenerateDialog
        // A new set of regions (settings arrived) starts the form afresh with them.
        key={regions.join(',')}
        client={client}
        regions={regions}
        settings={settings}
        open={open === 'generate'}
        onClose={() => setOpen(null)}
        onFinished={refresh}
      />
      <ImportDialog
        client={client}
        protection={settings?.protection ?? 'confirm'}
        open={open === 'import'}
        onClose={() => setOpen(null)}
        onImported={refresh}
      />
      <ClearDialog
        client={client}
        regions={clearable}
        open={open === 'clear'}
        onClose={() => setOpen(null)}
        onCleared={refresh}
      />
    </span>
  );
}

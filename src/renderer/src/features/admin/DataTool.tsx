/**
 * The header's Data menu: generate sample data and clear data (the dialogs live outside the
 * menu, so folding it does not hide them). Both refresh statistics, filter
 * options and the network when they finish.
 */
import { useCallback, useMemo, useState } from 'react';
import { DEFAULT_REGIONS } from '../../../../shared/domain';
import { useClient } from '../../client/context';
import { useAppData, useExplorer } from '../../shell/contexts';
import { useStore } from '../../state/store';
import { ClearDialog } from './ClearDialog';
import { GenerateDialog } from './GenerateDialog';
import { Popover } from './Popover';
import { useMenuCommand } from './use-menu-command';

/**
 * Regions to offer: the usual ones plus any the data holds. The API does not publish the
 * configured list; a region the server does not know is refused with a message naming it.
 */
const offeredRegions = (inData: readonly string[] | undefined): string[] => [
  ...new Set([...DEFAULT_REGIONS, ...(inData ?? [])]),
];

export function DataTool(): React.JSX.Element {
  const client = useClient();
  const explorer = useExplorer();
  const appData = useAppData();
  const inData = useStore(appData.store, (s) => s.options?.regions);
  const regions = useMemo(() => offeredRegions(inData), [inData]);
  const [open, setOpen] = useState<'generate' | 'clear' | null>(null);

  useMenuCommand((command) => {
    if (command === 'generate' || command === 'clear') setOpen(command);
  });

  const refresh = useCallback(() => {
    void appData.refresh().then(() => explorer.load());
  }, [appData, explorer]);

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
                setOpen('clear');
              }}
            >
              Clear data…
            </button>
          </div>
        )}
      </Popover>
      <GenerateDialog
        client={client}
        regions={regions}
        open={open === 'generate'}
        onClose={() => setOpen(null)}
        onFinished={refresh}
      />
      <ClearDialog
        client={client}
        regions={regions}
        open={open === 'clear'}
        onClose={() => setOpen(null)}
        onCleared={refresh}
      />
    </span>
  );
}

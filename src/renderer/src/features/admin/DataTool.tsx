/**
 * The header's Data menu: generate sample data and clear data. Both refresh statistics, filter
 * options and the network when they finish.
 */
import { useCallback, useState } from 'react';
import { useClient } from '../../client/context';
import { useAppData, useExplorer } from '../../shell/contexts';
import { useStore } from '../../state/store';
import { ClearDialog } from './ClearDialog';
import { GenerateDialog } from './GenerateDialog';

const FALLBACK_REGIONS = ['NAI', 'EMEA', 'APAC'];

export function DataTool(): React.JSX.Element {
  const client = useClient();
  const explorer = useExplorer();
  const appData = useAppData();
  const configured = useStore(appData.store, (s) => s.options?.regions);
  const regions = configured && configured.length > 0 ? configured : FALLBACK_REGIONS;
  const [open, setOpen] = useState<'generate' | 'clear' | null>(null);

  const refresh = useCallback(() => {
    void appData.refresh().then(() => explorer.load());
  }, [appData, explorer]);

  return (
    <span className="data-tool">
      <button type="button" onClick={() => setOpen('generate')}>
        Generate…
      </button>
      <button type="button" onClick={() => setOpen('clear')}>
        Clear…
      </button>
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

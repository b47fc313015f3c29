/** The last failure of the explorer or the server data, readable, with a retry. */
import { useStore } from '../state/store';
import { useAppData, useExplorer } from '../state/context';

export function ErrorBanner(): React.JSX.Element | null {
  const explorer = useExplorer();
  const data = useAppData();
  const loadError = useStore(explorer.store, (s) =>
    s.load.status === 'error' ? s.load.error : null,
  );
  const dataError = useStore(data.store, (s) => s.error);
  const message = loadError ?? dataError;
  if (!message) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error">
      <span>{message}</span>
      <button
        type="button"
        onClick={() => {
          if (dataError) void data.refresh();
          void explorer.load();
        }}
      >
        Retry
      </button>
    </div>
  );
}

/** The header's View menu: save the current view to a file, open one back. */
import { useExplorer } from '../../shell/contexts';
import { Popover } from '../admin/Popover';
import { ViewsMenu } from './ViewsMenu';

export function ViewsTool(): React.JSX.Element {
  const explorer = useExplorer();
  return (
    <Popover label="View" testId="views-tool">
      <ViewsMenu getView={explorer.getViewState} applyView={explorer.applyViewState} />
    </Popover>
  );
}

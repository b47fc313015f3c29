/** The header's View menu (save the current view to a file, open one back), also driven by the native menu. */
import { useRef, useState } from 'react';
import { useExplorer } from '../../shell/contexts';
import { Popover } from '../admin/Popover';
import { useMenuCommand } from '../admin/use-menu-command';
import type { ViewsMenuActions } from './ViewsMenu';
import { ViewsMenu } from './ViewsMenu';

export function ViewsTool(): React.JSX.Element {
  const explorer = useExplorer();
  const [open, setOpen] = useState(false);
  const actions = useRef<ViewsMenuActions>(null);
  useMenuCommand((command) => {
    if (command !== 'save-view' && command !== 'open-view') return;
    setOpen(true);
    if (command === 'save-view') void actions.current?.save();
    else actions.current?.open();
  });
  return (
    <Popover label="View" testId="views-tool" open={open} onOpenChange={setOpen}>
      <ViewsMenu
        getView={explorer.getViewState}
        applyView={explorer.applyViewState}
        actions={actions}
      />
    </Popover>
  );
}

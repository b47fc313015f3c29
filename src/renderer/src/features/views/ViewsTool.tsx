/** The header's View menu (save the current view to a file, open one back), also run by commands. */
import { useRef, useState } from 'react';
import { useProvideTool } from '../../commands/tools';
import { useExplorer } from '../../state/context';
import { Popover } from '../../components/Popover';
import type { ViewsMenuActions } from './ViewsMenu';
import { ViewsMenu } from './ViewsMenu';

export function ViewsTool(): React.JSX.Element {
  const explorer = useExplorer();
  const [open, setOpen] = useState(false);
  const actions = useRef<ViewsMenuActions>(null);
  // The menu opens so that the outcome (saved, opened, refused) shows.
  useProvideTool('views', {
    open: () => {
      setOpen(true);
      actions.current?.open();
    },
    save: async () => {
      setOpen(true);
      await actions.current?.save();
    },
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

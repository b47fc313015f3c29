/**
 * Native menu commands, when the app runs on the desktop: the bridge client offers
 * `onMenuCommand`; in the browser there is none and this does nothing.
 */
import { useEffect, useRef } from 'react';
import type { Client } from '../../../../shared/contract';
import type { MenuCommand } from '../../../../shared/ipc';
import { useClient } from '../../client/context';

type MenuSource = { onMenuCommand: (listener: (command: MenuCommand) => void) => () => void };

const hasMenu = (client: Client): client is Client & MenuSource =>
  'onMenuCommand' in client && typeof client.onMenuCommand === 'function';

export function useMenuCommand(handler: (command: MenuCommand) => void): void {
  const client = useClient();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);
  useEffect(() => {
    if (!hasMenu(client)) return;
    return client.onMenuCommand((command) => latest.current(command));
  }, [client]);
}

/**
 * Native menu commands, when the app runs on the desktop: the client's desktop capability
 * offers `onMenuCommand`; in the browser there is none and this does nothing.
 */
import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../../shared/ipc';
import { useClient } from '../../client/context';

export function useMenuCommand(handler: (command: MenuCommand) => void): void {
  const desktop = useClient().desktop;
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);
  useEffect(() => desktop?.onMenuCommand((command) => latest.current(command)), [desktop]);
}

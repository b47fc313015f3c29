/** The desktop backend's state: app info once, then every status event main pushes. */
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '@shared/desktop';
import type { DesktopClient } from '../../client/types';
import { errorMessage } from '../../state/errors';
import { startupState, type StartupState } from './connection-model';

export type DesktopStatus = {
  info: AppInfo | null;
  state: StartupState | null;
  error: string | null;
  /** Takes an AppInfo that an operation answered with (e.g. after switching profiles). */
  update: (info: AppInfo) => void;
};

export function useDesktopStatus(desktop: DesktopClient): DesktopStatus {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [state, setState] = useState<StartupState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const update = useCallback((next: AppInfo) => {
    setInfo(next);
    setState(startupState(next));
  }, []);
  useEffect(() => {
    let live = true;
    desktop.getAppInfo({}).then(
      (next) => live && update(next),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    const stop = desktop.onAppStatus(update);
    return () => {
      live = false;
      stop();
    };
  }, [desktop, update]);
  return { info, state, error, update };
}

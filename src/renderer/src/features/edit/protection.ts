/** The connection's protection level as edits see it: whether they may write, and how. */
import type { ProtectionLevel } from '@shared/api';
import { useAppData } from '../../state/context';
import { useStore } from '../../state/store';

export const READ_ONLY_REASON =
  'This connection is read-only (protection level read-only): editing is off.';

/** The served level; `confirm` until the settings are known, as the other writes assume. */
export function useProtection(): ProtectionLevel {
  return useStore(useAppData().store, (s) => s.settings?.protection ?? 'confirm');
}

/** Node keys are `LABEL:id`; ids may contain colons, labels never do. */
import { NodeLabel } from '@shared/domain';
import type { NodeRef } from '@shared/api';

export function parseNodeKey(key: string): NodeRef | null {
  const at = key.indexOf(':');
  if (at < 1) return null;
  const label = NodeLabel.safeParse(key.slice(0, at));
  const id = key.slice(at + 1);
  return label.success && id ? { label: label.data, id } : null;
}

/**
 * Saving a produced file: through the desktop bridge's native save dialog when it offers one,
 * otherwise as a browser download (which Electron also turns into a save dialog).
 */
import { z } from 'zod';

export type SaveRequest = {
  /** Suggested file name, with extension. */
  name: string;
  mime: string;
  data: Blob | string | Uint8Array;
};

export const SaveResult = z.object({ saved: z.boolean(), path: z.string().optional() });
export type SaveResult = z.infer<typeof SaveResult>;

/** What the desktop bridge may expose for saving; absent in the browser. */
export type NativeSave = (input: { defaultName: string; data: Uint8Array }) => Promise<SaveResult>;

function nativeSave(): NativeSave | null {
  const bridge: unknown = Reflect.get(window, 'api');
  if (typeof bridge !== 'object' || bridge === null) return null;
  const save: unknown = Reflect.get(bridge, 'saveFile');
  if (typeof save !== 'function') return null;
  // What comes back across the bridge is parsed like any other input.
  return async (input) => SaveResult.parse(await Reflect.apply(save, bridge, [input]));
}

export function toBlob(request: SaveRequest): Blob {
  const { data, mime } = request;
  if (data instanceof Blob) return data;
  if (typeof data === 'string') return new Blob([data], { type: mime });
  // Copy into a fresh ArrayBuffer-backed array: Blob parts must not view shared memory.
  return new Blob([new Uint8Array(data)], { type: mime });
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; revoking later keeps slow browsers from losing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function saveFile(request: SaveRequest): Promise<SaveResult> {
  const blob = toBlob(request);
  const native = nativeSave();
  if (native) {
    const data = new Uint8Array(await blob.arrayBuffer());
    return native({ defaultName: request.name, data });
  }
  download(blob, request.name);
  return { saved: true };
}

/** A file name stem with a timestamp, e.g. `smart-network-2025-01-31-1205`. */
export function timestampedName(stem: string, now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `${stem}-${date}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

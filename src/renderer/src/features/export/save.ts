/**
 * Saving a produced file: through the desktop's native save dialog when the client offers one
 * (main writes the file where the user chose), otherwise as a browser download.
 */
import type { SaveFileInput, SaveFileResult } from '@shared/desktop';

export type SaveRequest = {
  /** Suggested file name, with extension. */
  name: string;
  mime: string;
  data: Blob | string | Uint8Array;
};

export type SaveResult = { saved: boolean; path?: string };

/** The desktop client's `saveFile`; absent in the browser. */
export type NativeSave = (input: SaveFileInput) => Promise<SaveFileResult>;

const FILTER_NAMES: Record<string, string> = {
  png: 'PNG image',
  csv: 'CSV',
  json: 'JSON',
  gexf: 'GEXF graph',
  graphml: 'GraphML graph',
  xlsx: 'Excel workbook',
};

/** The save dialog's file type for a name: its extension, named for people. */
export function saveFilters(name: string): SaveFileInput['filters'] {
  const match = /\.([A-Za-z0-9]{1,16})$/.exec(name);
  const extension = match?.[1]?.toLowerCase();
  if (!extension) return [];
  return [{ name: FILTER_NAMES[extension] ?? extension.toUpperCase(), extensions: [extension] }];
}

/** What crosses to main: text stays text, anything else becomes bytes. */
export async function nativeSaveInput(request: SaveRequest): Promise<SaveFileInput> {
  const { data } = request;
  // A fresh copy: what crosses IPC must not view shared memory (and is cloned anyway).
  const payload =
    typeof data === 'string'
      ? data
      : new Uint8Array(data instanceof Blob ? await data.arrayBuffer() : data);
  return { suggestedName: request.name, filters: saveFilters(request.name), data: payload };
}

function toBlob(request: SaveRequest): Blob {
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

export async function saveFile(request: SaveRequest, native?: NativeSave): Promise<SaveResult> {
  if (native) {
    const result = await native(await nativeSaveInput(request));
    return result.path === null
      ? { saved: result.saved }
      : { saved: result.saved, path: result.path };
  }
  download(toBlob(request), request.name);
  return { saved: true };
}

/** A file name stem with a timestamp, e.g. `smart-network-2025-01-31-1205`. */
export function timestampedName(stem: string, now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `${stem}-${date}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

import { describe, expect, it } from 'vitest';
import {
  nativeSaveInput,
  saveFile,
  saveFilters,
  type NativeSave,
} from '../../../../src/renderer/src/features/export/save';
import { SaveFileInput, type SaveFileResult } from '../../../../src/shared/desktop';

/** Stands in for the desktop client: records what would cross to main, answers as told. */
function recordingSave(answer: SaveFileResult) {
  const seen: unknown[] = [];
  const save: NativeSave = (input) => {
    seen.push(input);
    return Promise.resolve(answer);
  };
  return { save, seen };
}

describe('save helper', () => {
  it('names the dialog filter after the extension', () => {
    expect(saveFilters('smart-network-2025-01-31-1205.graphml')).toEqual([
      { name: 'GraphML graph', extensions: ['graphml'] },
    ]);
    expect(saveFilters('view.PNG')).toEqual([{ name: 'PNG image', extensions: ['png'] }]);
    expect(saveFilters('data.tsv')).toEqual([{ name: 'TSV', extensions: ['tsv'] }]);
    expect(saveFilters('no-extension')).toEqual([]);
  });

  it('hands text as text and blobs and arrays as bytes, in input main accepts', async () => {
    const text = await nativeSaveInput({ name: 'nodes.csv', mime: 'text/csv', data: 'id\nA\n' });
    const blob = await nativeSaveInput({
      name: 'view.png',
      mime: 'image/png',
      data: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }),
    });
    const bytes = await nativeSaveInput({
      name: 'table.xlsx',
      mime: 'application/octet-stream',
      data: new Uint8Array([80, 75, 3, 4]),
    });
    expect(text.data).toBe('id\nA\n');
    expect(blob.data).toBeInstanceOf(Uint8Array);
    expect([...(blob.data as Uint8Array)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect([...(bytes.data as Uint8Array)]).toEqual([80, 75, 3, 4]);
    for (const input of [text, blob, bytes])
      expect(SaveFileInput.safeParse(input).success).toBe(true);
  });

  it('uses the native dialog when the client offers it, and reports a cancel', async () => {
    const done = recordingSave({ saved: true, path: '/home/ada/view.json' });
    await expect(
      saveFile({ name: 'view.json', mime: 'application/json', data: '{}' }, done.save),
    ).resolves.toEqual({ saved: true, path: '/home/ada/view.json' });
    expect(done.seen).toEqual([
      { suggestedName: 'view.json', filters: [{ name: 'JSON', extensions: ['json'] }], data: '{}' },
    ]);

    const cancelled = recordingSave({ saved: false, path: null });
    await expect(
      saveFile({ name: 'view.json', mime: 'application/json', data: '{}' }, cancelled.save),
    ).resolves.toEqual({ saved: false });
  });
});

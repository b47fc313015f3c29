import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSaveFile, type SaveDialogOptions } from '../../../../src/main/desktop/save-file';
import { SaveFileInput } from '../../../../src/shared/desktop';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A real folder and real writes; only the dialog (a native window) answers as the test says. */
function setup(answer: (options: SaveDialogOptions) => { canceled: boolean; filePath?: string }) {
  const dir = mkdtempSync(join(tmpdir(), 'sn-save-'));
  dirs.push(dir);
  const asked: SaveDialogOptions[] = [];
  const save = createSaveFile({
    showSaveDialog: (options) => {
      asked.push(options);
      return Promise.resolve(answer(options));
    },
    writeFile: (path, data) => writeFile(path, data),
    defaultFolder: () => dir,
  });
  return { dir, asked, save };
}

describe('saveFile in main', () => {
  it('writes text where the dialog says, suggesting the name in the default folder', async () => {
    const { dir, asked, save } = setup((options) => ({
      canceled: false,
      filePath: join(dirname(options.defaultPath), 'chosen.csv'),
    }));
    const input = SaveFileInput.parse({
      suggestedName: 'nodes.csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      data: 'id,name\nA,Ada\n',
    });
    await expect(save(input)).resolves.toEqual({ saved: true, path: join(dir, 'chosen.csv') });
    expect(asked).toEqual([
      { defaultPath: join(dir, 'nodes.csv'), filters: [{ name: 'CSV', extensions: ['csv'] }] },
    ]);
    expect(readFileSync(join(dir, 'chosen.csv'), 'utf8')).toBe('id,name\nA,Ada\n');
  });

  it('writes bytes unchanged', async () => {
    const { dir, save } = setup((options) => ({ canceled: false, filePath: options.defaultPath }));
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    await save(SaveFileInput.parse({ suggestedName: 'view.png', data: bytes }));
    expect([...readFileSync(join(dir, 'view.png'))]).toEqual([...bytes]);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { dir, save } = setup(() => ({ canceled: true }));
    await expect(
      save(SaveFileInput.parse({ suggestedName: 'a.json', data: '{}' })),
    ).resolves.toEqual({ saved: false, path: null });
    expect(() => readFileSync(join(dir, 'a.json'))).toThrow();
  });
});

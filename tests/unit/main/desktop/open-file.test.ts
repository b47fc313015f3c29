import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenFile, type OpenDialogOptions } from '../../../../src/main/desktop/open-file';
import { OpenFileInput } from '../../../../src/shared/desktop';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A real folder and real reads; only the dialog (a native window) answers as the test says. */
function setup(answer: (options: OpenDialogOptions) => string | null) {
  const dir = mkdtempSync(join(tmpdir(), 'sn-open-'));
  dirs.push(dir);
  const asked: OpenDialogOptions[] = [];
  const open = createOpenFile({
    showOpenDialog: (options) => {
      asked.push(options);
      const file = answer(options);
      return Promise.resolve({ canceled: file === null, filePaths: file ? [file] : [] });
    },
    readFile: (path) => readFile(path),
    size: async (path) => (await stat(path)).size,
    defaultFolder: () => dir,
  });
  return { dir, asked, open };
}

describe('openFile in main', () => {
  it('reads the file the user chose in the dialog, which opens one file in the default folder', async () => {
    const { dir, asked, open } = setup((options) => join(options.defaultPath ?? '', 'view.json'));
    writeFileSync(join(dir, 'view.json'), '{"name":"Ünïcode view"}');
    const input = OpenFileInput.parse({ filters: [{ name: 'Saved views', extensions: ['json'] }] });
    await expect(open(input)).resolves.toEqual({
      opened: true,
      name: 'view.json',
      text: '{"name":"Ünïcode view"}',
    });
    expect(asked).toEqual([
      {
        defaultPath: dir,
        filters: [{ name: 'Saved views', extensions: ['json'] }],
        properties: ['openFile'],
      },
    ]);
  });

  it('answers a cancelled dialog with nothing opened', async () => {
    const { open } = setup(() => null);
    await expect(open(OpenFileInput.parse({}))).resolves.toEqual({
      opened: false,
      name: null,
      text: null,
    });
  });
});

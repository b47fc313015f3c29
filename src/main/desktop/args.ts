/**
 * `--headless <command…>` on the desktop binary runs a CLI command without a window. Electron's
 * argv starts with the binary (and, unpackaged, the app path); the command is what follows the
 * flag.
 */
const HEADLESS_FLAG = '--headless';

export function headlessArgs(argv: readonly string[]): string[] | undefined {
  const at = argv.indexOf(HEADLESS_FLAG);
  return at === -1 ? undefined : argv.slice(at + 1);
}

/**
 * Runs a command-line entry point: a failure prints one line (no stack trace) and exits non-zero.
 * Set DEBUG=true to see the stack.
 */
export async function runMain(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Error: ${message}`);
    if (process.env.DEBUG === 'true' && error instanceof Error) console.error(error.stack);
    process.exitCode = 1;
  }
}

/**
 * Orderly shutdown: steps run once, newest first (window state, API server, backend with its
 * driver and managed Neo4j), each with a time limit so a stuck step cannot keep the app alive.
 */
import type { Logger } from '../logger';

export type Shutdown = {
  add: (name: string, step: () => Promise<void> | void) => void;
  /** Runs every step once; later calls get the same promise. */
  run: (reason: string) => Promise<void>;
  readonly started: boolean;
};

export function createShutdown(
  logger: Pick<Logger, 'info' | 'warn'>,
  stepTimeoutMs = 70_000,
): Shutdown {
  const steps: { name: string; step: () => Promise<void> | void }[] = [];
  let running: Promise<void> | undefined;

  const runStep = async (name: string, step: () => Promise<void> | void): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), stepTimeoutMs);
    });
    try {
      const outcome = await Promise.race([Promise.resolve().then(step), timeout]);
      if (outcome === 'timeout') logger.warn({ step: name }, 'Shutdown step timed out');
    } catch (error) {
      logger.warn({ err: error, step: name }, 'Shutdown step failed');
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    add: (name, step) => {
      steps.push({ name, step });
    },
    run: (reason) =>
      (running ??= (async () => {
        logger.info({ reason }, 'Shutting down');
        for (const { name, step } of [...steps].reverse()) await runStep(name, step);
      })()),
    get started() {
      return running !== undefined;
    },
  };
}

/** SIGINT/SIGTERM (and SIGHUP off Windows) start the shutdown instead of killing mid-write. */
export function onTerminationSignals(
  target: Pick<NodeJS.Process, 'once' | 'platform'>,
  handler: (signal: NodeJS.Signals) => void,
): void {
  const signals: NodeJS.Signals[] =
    target.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) target.once(signal, () => handler(signal));
}

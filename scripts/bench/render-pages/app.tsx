/**
 * Bench entry: mounts the app's NetworkView (same explorer, derivations and controllers as the
 * UI) on a synthetic dataset, then measures first frame, pan/zoom frames and FA2 long tasks.
 */
import { createRoot } from 'react-dom/client';
import { OPERATION_NAMES, type Client, type OperationName } from '../../../src/shared/contract';
import { NetworkView } from '../../../src/renderer/src/features/network/NetworkView';
import { startExploration } from '../../../src/renderer/src/graph/exploration';
import { createHistory } from '../../../src/renderer/src/graph/history';
import { createExplorer } from '../../../src/renderer/src/state/explorer';
import type { SigmaInstance } from '../../../src/renderer/src/state/explorer';
import { panZoom, readParams, sleep, watchLongTasks } from './measure';
import { syntheticGraph } from './synthetic';

/** The bench never talks to a server: every call fails loudly. */
const fail = (): Promise<never> => Promise.reject(new Error('The bench page has no server.'));
const operations = Object.fromEntries(OPERATION_NAMES.map((name) => [name, fail]));
const offline: Client = {
  // Every name of the contract, each with the same failing function.
  ...(operations as Record<OperationName, typeof fail>),
  onGenerationProgress: () => () => undefined,
  viewGraph: fail,
};

async function main(): Promise<void> {
  const params = readParams();
  const data = syntheticGraph(params.nodes, params.edges);
  const explorer0 = createExplorer(offline, params.nodes + 1);
  let resolveFirst: (ms: number) => void = () => undefined;
  const firstFrame = new Promise<number>((r) => (resolveFirst = r));
  const t0 = performance.now();
  const explorer = {
    ...explorer0,
    attachSigma: (s: SigmaInstance | null) => {
      explorer0.attachSigma(s);
      s?.on('afterRender', () => {
        // As on the bare page: the first full drawing, shown at the next animation frame.
        if (s.getGraph().order === data.nodes.length)
          requestAnimationFrame(() => resolveFirst(performance.now() - t0));
      });
    },
  };
  explorer.store.set((s) => ({
    ...s,
    layoutKind: 'layered',
    history: createHistory(startExploration(data)),
  }));
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root');
  createRoot(root).render(<NetworkView explorer={explorer} theme="light" chrome={false} />);
  const firstFrameMs = await firstFrame;
  const sigma = explorer.getSigma();
  if (!sigma) throw new Error('sigma did not mount');
  globalThis.__BENCH_PHASE__ = 'pan';
  await sleep(300);
  const frameTimes = await panZoom(sigma.getCamera(), params.frames);
  const stop = watchLongTasks(sigma);
  globalThis.__BENCH_PHASE__ = 'fa2';
  explorer.setLayoutKind('forceatlas2');
  await sleep(params.fa2Ms);
  explorer.setLayoutRunning(false);
  globalThis.__BENCH_RESULT__ = { firstFrameMs, frameTimes, longTasksDuringFa2: stop() };
}

main().catch((e: unknown) => {
  globalThis.__BENCH_RESULT__ = { error: e instanceof Error ? e.message : String(e) };
});

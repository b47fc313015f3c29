/**
 * Generation progress for people: a bar per label and type on a terminal (cli-progress), plain
 * lines otherwise (one as each label or type completes, and at most every few seconds while a
 * long one runs). Both go to stderr, so stdout keeps only the result.
 */
import cliProgress from 'cli-progress';
import type { GenerationProgress } from '../../shared/api';
import type { CliContext } from './context';
import { formatCount } from './format';

export type ProgressReporter = {
  update: (progress: GenerationProgress) => void;
  stop: () => void;
};

const PLAIN_INTERVAL_MS = 5_000;

const label = (p: GenerationProgress): string => `${p.phase} ${p.item ?? ''}`.trim();

function terminalReporter(context: CliContext): ProgressReporter {
  const bars = new cliProgress.MultiBar(
    {
      stream: context.io.stderr,
      format: '{item} [{bar}] {value}/{total} {rate}/s',
      hideCursor: true,
      clearOnComplete: false,
      autopadding: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const byItem = new Map<string, cliProgress.SingleBar>();
  return {
    update(p) {
      if (p.phase !== 'nodes' && p.phase !== 'relationships') {
        if (p.phase === 'rollback') bars.log('Rolling back the partial writes…\n');
        return;
      }
      const name = label(p).padEnd(30);
      const payload = { item: name, rate: formatCount(Math.round(p.rate)) };
      const bar = byItem.get(name);
      if (bar) bar.update(p.done, payload);
      else byItem.set(name, bars.create(Math.max(p.total, 1), p.done, payload));
    },
    stop: () => bars.stop(),
  };
}

function plainReporter(context: CliContext): ProgressReporter {
  let lastItem = '';
  let lastLine = 0;
  return {
    update(p) {
      const item = label(p);
      const complete = p.total > 0 && p.done === p.total;
      const now = Date.now();
      if (p.phase === 'prepare' || p.phase === 'done') return;
      if (p.phase === 'rollback') {
        context.err('Rolling back the partial writes…');
        return;
      }
      if (complete || (item === lastItem && now - lastLine >= PLAIN_INTERVAL_MS)) {
        context.err(
          `${item}: ${formatCount(p.done)}/${formatCount(p.total)} (${formatCount(Math.round(p.rate))}/s)`,
        );
        lastLine = now;
      }
      if (item !== lastItem) {
        lastItem = item;
        lastLine = now;
      }
    },
    stop: () => undefined,
  };
}

export function createProgressReporter(context: CliContext, quiet: boolean): ProgressReporter {
  if (quiet) return { update: () => undefined, stop: () => undefined };
  return context.io.stderr.isTTY ? terminalReporter(context) : plainReporter(context);
}

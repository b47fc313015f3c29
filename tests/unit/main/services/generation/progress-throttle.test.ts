import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GenerationJob } from '../../../../../src/shared/api';
import {
  MIN_PROGRESS_INTERVAL_MS,
  throttleProgress,
} from '../../../../../src/main/services/generation/throttle';

const job = (done: number, status: GenerationJob['status'] = 'running'): GenerationJob => ({
  id: 'job-1',
  status,
  request: { mode: 'append' },
  progress: { phase: 'nodes', item: 'CONSULTANT', done, total: 100, rate: 1, elapsed_ms: 1 },
  result: null,
  error: null,
  rolled_back: false,
  started_at: '2025-01-01T00:00:00.000Z',
  finished_at: null,
  bookmark: null,
});

describe('progress throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the first update, then the latest one per interval, and the final one at once', () => {
    const sent: number[] = [];
    const throttle = throttleProgress((j) => sent.push(j.progress?.done ?? -1));
    for (let done = 1; done <= 50; done += 1) {
      throttle.update(job(done));
      vi.advanceTimersByTime(10);
    }
    // 500 ms of updates every 10 ms: the first, then one per 100 ms.
    expect(sent.length).toBeLessThanOrEqual(1 + 500 / MIN_PROGRESS_INTERVAL_MS);
    expect(sent[0]).toBe(1);
    throttle.update(job(51, 'succeeded'));
    expect(sent.at(-1)).toBe(51);
    vi.advanceTimersByTime(1_000);
    expect(sent.at(-1)).toBe(51);
  });

  it('sends nothing more after stop', () => {
    const sent: number[] = [];
    const throttle = throttleProgress((j) => sent.push(j.progress?.done ?? -1));
    throttle.update(job(1));
    throttle.update(job(2));
    throttle.stop();
    vi.advanceTimersByTime(1_000);
    expect(sent).toEqual([1]);
  });
});

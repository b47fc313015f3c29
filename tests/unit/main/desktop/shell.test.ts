import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { headlessArgs } from '../../../../src/main/desktop/args';
import { rotateIfLarge } from '../../../../src/main/desktop/logging';
import { createShutdown, onTerminationSignals } from '../../../../src/main/desktop/shutdown';

const logger = () => ({ info: vi.fn(), warn: vi.fn() });

describe('headless arguments', () => {
  it('takes the command after --headless, packaged or not', () => {
    expect(headlessArgs(['/Applications/Smart Network', '--headless', 'stats', '--json'])).toEqual([
      'stats',
      '--json',
    ]);
    expect(headlessArgs(['electron', '.', '--headless', 'generate', '--regions', 'NAI'])).toEqual([
      'generate',
      '--regions',
      'NAI',
    ]);
    expect(headlessArgs(['electron', '.', '--headless'])).toEqual([]);
    expect(headlessArgs(['electron', '.'])).toBeUndefined();
  });
});

describe('shutdown', () => {
  it('runs every step once, newest first, whoever asks', async () => {
    const order: string[] = [];
    const shutdown = createShutdown(logger());
    shutdown.add('backend', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push('backend');
    });
    shutdown.add('ipc', () => void order.push('ipc'));
    expect(shutdown.started).toBe(false);
    const first = shutdown.run('quit');
    const second = shutdown.run('SIGTERM');
    expect(second).toBe(first);
    await first;
    expect(order).toEqual(['ipc', 'backend']);
    expect(shutdown.started).toBe(true);
  });

  it('goes on past a failing or stuck step', async () => {
    const log = logger();
    const shutdown = createShutdown(log, 20);
    const closed: string[] = [];
    shutdown.add('driver', () => void closed.push('driver'));
    shutdown.add('stuck', () => new Promise<void>(() => undefined));
    shutdown.add('broken', () => {
      throw new Error('boom');
    });
    await shutdown.run('quit');
    expect(closed).toEqual(['driver']);
    expect(log.warn).toHaveBeenCalledWith(
      expect.objectContaining({ step: 'broken' }),
      expect.any(String),
    );
    expect(log.warn).toHaveBeenCalledWith({ step: 'stuck' }, 'Shutdown step timed out');
  });

  it('listens for the termination signals of the platform', () => {
    const listen = (platform: NodeJS.Platform) => {
      const signals: string[] = [];
      const handler = vi.fn();
      const target = {
        platform,
        once: (signal: string, listener: () => void) => {
          signals.push(signal);
          if (signal === 'SIGTERM') listener();
          return target;
        },
      } as unknown as Pick<NodeJS.Process, 'once' | 'platform'>;
      onTerminationSignals(target, handler);
      return { signals, handler };
    };
    const linux = listen('linux');
    expect(linux.signals).toEqual(['SIGINT', 'SIGTERM', 'SIGHUP']);
    expect(linux.handler).toHaveBeenCalledWith('SIGTERM');
    expect(listen('win32').signals).toEqual(['SIGINT', 'SIGTERM']);
  });
});

describe('log rotation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sn-logs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('moves a large log aside and keeps a few generations', () => {
    const file = join(dir, 'smart-network.log');
    expect(rotateIfLarge(file, 10, 2)).toBe(false);
    writeFileSync(file, 'small');
    expect(rotateIfLarge(file, 10, 2)).toBe(false);
    appendFileSync(file, ' and now large');
    expect(rotateIfLarge(file, 10, 2)).toBe(true);
    expect(existsSync(file)).toBe(false);
    writeFileSync(file, 'second generation');
    expect(rotateIfLarge(file, 10, 2)).toBe(true);
    writeFileSync(file, 'third generation');
    expect(rotateIfLarge(file, 10, 2)).toBe(true);
    expect(readFileSync(`${file}.1`, 'utf8')).toBe('third generation');
    expect(readFileSync(`${file}.2`, 'utf8')).toBe('second generation');
    expect(existsSync(`${file}.3`)).toBe(false);
  });
});

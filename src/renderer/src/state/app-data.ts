/**
 * Server-wide facts the shell shows: health, settings, statistics, filter options; refreshed
 * together.
 */
import type { FilterOptions, HealthResponse, ServerSettings, StatsResponse } from '@shared/api';
import type { Client } from '@shared/contract';
import { isAppError } from '@shared/errors';
import { errorMessage } from './errors';
import { createStore } from './store';

export type AppData = {
  health: HealthResponse | null;
  /** The server's configuration (regions, bounds, whether writes are allowed). */
  settings: ServerSettings | null;
  stats: StatsResponse | null;
  options: FilterOptions | null;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
};

export type AppDataSource = ReturnType<typeof createAppData>;

/** How often the health is asked, and how long an answer may take before it counts as none. */
const HEALTH_POLL_MS = 2_000;
const HEALTH_TIMEOUT_MS = 2_500;

export function createAppData(client: Client) {
  const store = createStore<AppData>({
    health: null,
    settings: null,
    stats: null,
    options: null,
    status: 'loading',
    error: null,
  });
  async function refresh(): Promise<void> {
    store.set((s) => ({ ...s, status: 'loading', error: null }));
    try {
      const health = await client.health({});
      const [settings, stats, options] = await Promise.all([
        client.getSettings({}),
        client.getStats({}),
        client.getFilterOptions({}),
      ]);
      store.set(() => ({ health, settings, stats, options, status: 'ready', error: null }));
    } catch (error) {
      store.set((s) => ({ ...s, status: 'error', error: errorMessage(error) }));
    }
  }
  /**
   * Asks the server's health every HEALTH_POLL_MS, so a database that goes down (or comes back)
   * shows within that plus HEALTH_TIMEOUT_MS; coming back refreshes the rest. Returns the stop.
   */
  function watchHealth(): () => void {
    let busy = false;
    const check = async (): Promise<void> => {
      if (busy || store.get().status === 'loading') return;
      busy = true;
      const wasDown = store.get().status === 'error';
      try {
        const health = await client.health({}, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
        if (health.status !== 'ok') throw new Error('The database is unavailable');
        if (wasDown) await refresh();
        else store.set((s) => ({ ...s, health }));
      } catch (error) {
        // Health answers 503 with its own body, not an error message: say what it means.
        const down = isAppError(error) && error.code === 'DATABASE_UNAVAILABLE';
        const late = isAppError(error) && error.code === 'CANCELLED';
        const message = down
          ? 'The database is unavailable'
          : late
            ? `The server or its database did not answer within ${HEALTH_TIMEOUT_MS / 1000} s`
            : errorMessage(error);
        store.set((s) => ({ ...s, status: 'error', error: message }));
      } finally {
        busy = false;
      }
    };
    const timer = setInterval(() => void check(), HEALTH_POLL_MS);
    return () => clearInterval(timer);
  }
  return { store, refresh, watchHealth };
}

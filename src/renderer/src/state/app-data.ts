/**
 * Server-wide facts the shell shows: health, settings, statistics, filter options; refreshed
 * together.
 */
import type { FilterOptions, HealthResponse, ServerSettings, StatsResponse } from '@shared/api';
import type { Client } from '@shared/contract';
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
  return { store, refresh };
}

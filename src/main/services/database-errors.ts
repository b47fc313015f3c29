/**
 * Every operation's failures pass through the one translation of driver errors (db/errors), so
 * REST, IPC and the CLI see the same typed errors whichever service or query failed. The table
 * lists every operation, so a new one cannot be left out (it would not typecheck).
 */
import { asDatabaseError, type DatabaseTarget } from '../db/errors';
import type { Handlers } from './types';

export function withDatabaseErrors(handlers: Handlers, target: DatabaseTarget): Handlers {
  const translated = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw asDatabaseError(error, target);
    }
  };
  const h = handlers;
  return {
    health: (input) => translated(() => h.health(input)),
    getSettings: (input) => translated(() => h.getSettings(input)),
    getRegionGraph: (input) => translated(() => h.getRegionGraph(input)),
    filterGraph: (input) => translated(() => h.filterGraph(input)),
    getStats: (input) => translated(() => h.getStats(input)),
    getFilterOptions: (input) => translated(() => h.getFilterOptions(input)),
    getRegionFilterOptions: (input) => translated(() => h.getRegionFilterOptions(input)),
    getCascadingFilterOptions: (input) => translated(() => h.getCascadingFilterOptions(input)),
    runQuery: (input) => translated(() => h.runQuery(input)),
    getNode: (input) => translated(() => h.getNode(input)),
    getNeighbours: (input) => translated(() => h.getNeighbours(input)),
    search: (input) => translated(() => h.search(input)),
    startGeneration: (input) => translated(() => h.startGeneration(input)),
    getGenerationJob: (input) => translated(() => h.getGenerationJob(input)),
    cancelGeneration: (input) => translated(() => h.cancelGeneration(input)),
    clearGraph: (input) => translated(() => h.clearGraph(input)),
  };
}

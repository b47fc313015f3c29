/**
 * Causal consistency across API instances. A request runs in a bookmark scope: every session and
 * query the services open inside it waits for the bookmarks the request carries (so a read on a
 * lagging secondary sees the writes the client has seen), and every write records the bookmark
 * it committed, which the edges hand back to the client. The driver is wrapped once; services
 * know nothing of it. Every session and query must state its access mode (READ or WRITE), so
 * that reads can go to readers on a cluster and writes to the leader.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { bookmarkToken } from '../../shared/http';

type Scope = {
  /** Bookmarks to wait for before any transaction of the scope runs. */
  readonly wait: readonly string[];
  /** Bookmarks of the scope's committed writes (the newest state the scope wrote). */
  written: Set<string>;
};

const scopes = new AsyncLocalStorage<Scope>();

/**
 * Runs `work` in a new scope that waits for `wait`. A scope does not inherit its caller's: work
 * that outlives a request (a generation job) opens its own.
 */
export function withinBookmarkScope<T>(wait: readonly string[], work: () => T): T {
  return scopes.run({ wait: [...new Set(wait)], written: new Set() }, work);
}

/** The bookmarks the current scope waits for (none outside a scope). */
export const awaitedBookmarks = (): readonly string[] => scopes.getStore()?.wait ?? [];

/** The token of the bookmarks the current scope's writes committed so far (null for none). */
export const writtenBookmark = (): string | null =>
  bookmarkToken([...(scopes.getStore()?.written ?? [])]);

/** Everything a new transaction of the scope must see: what it waits for and what it wrote. */
const causalBookmarks = (scope: Scope): string[] => [...scope.wait, ...scope.written];

/** A write's bookmark supersedes the ones it started from (one database, one history). */
function record(scope: Scope, startedFrom: readonly string[], returned: readonly string[]): void {
  // A session that committed nothing hands back the bookmarks it was given, a carried one the
  // database refused among them: only a new bookmark is a write of this scope.
  const committed = returned.filter((bookmark) => !startedFrom.includes(bookmark));
  if (committed.length === 0) return;
  for (const bookmark of startedFrom) scope.written.delete(bookmark);
  for (const bookmark of committed) scope.written.add(bookmark);
}

type AccessMode = 'READ' | 'WRITE';

function requireMode(mode: unknown, where: string): AccessMode {
  if (mode === neo4j.session.READ || mode === neo4j.routing.READ) return 'READ';
  if (mode === neo4j.session.WRITE || mode === neo4j.routing.WRITE) return 'WRITE';
  throw new Error(`${where} must state its access mode (READ or WRITE).`);
}

function causalSession(session: Session, scope: Scope, startedFrom: string[]): Session {
  const close = session.close.bind(session);
  session.close = async () => {
    await close();
    record(scope, startedFrom, session.lastBookmarks());
  };
  return session;
}

/** The driver the services use: access mode required, bookmarks of the current scope applied. */
export function causalDriver(driver: Driver): Driver {
  return new Proxy(driver, {
    get(target, property) {
      if (property === 'session')
        return (...[config = {}]: Parameters<Driver['session']>) => {
          const mode = requireMode(config.defaultAccessMode, 'A session');
          const scope = scopes.getStore();
          if (!scope) return target.session(config);
          const startedFrom = causalBookmarks(scope);
          const bookmarks = [...(config.bookmarks ?? []), ...startedFrom];
          const session = target.session({ ...config, bookmarks });
          return mode === 'WRITE' ? causalSession(session, scope, startedFrom) : session;
        };
      if (property === 'executeQuery')
        return async (...[query, parameters, config = {}]: Parameters<Driver['executeQuery']>) => {
          const mode = requireMode(config.routing, 'A query');
          const scope = scopes.getStore();
          if (!scope) return target.executeQuery(query, parameters, config);
          const startedFrom = causalBookmarks(scope);
          const bookmarkManager = neo4j.bookmarkManager({ initialBookmarks: startedFrom });
          const result = await target.executeQuery(query, parameters, {
            ...config,
            bookmarkManager,
          });
          if (mode === 'WRITE')
            record(scope, startedFrom, [...(await bookmarkManager.getBookmarks())]);
          return result;
        };
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

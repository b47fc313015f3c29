/**
 * Bookmarks over HTTP: a request to an operation that takes part in read-your-writes (the
 * contract's `bookmark` role) runs in a bookmark scope that waits for the bookmarks it carries,
 * in the `Neo4j-Bookmark` header or the `bookmark` query parameter; a write answers with the
 * bookmark of what it wrote in the same header (and its output's `bookmark` field).
 */
import type { RequestHandler, Response } from 'express';
import { BookmarkToken } from '../../shared/api';
import { contract, type OperationName } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { BOOKMARK_HEADER, BOOKMARK_PARAM, bookmarksOf } from '../../shared/http';
import { withinBookmarkScope } from '../db/bookmarks';

function carried(value: unknown, field: string): string[] {
  // An empty header or parameter carries nothing.
  if (value === undefined || value === '') return [];
  const parsed = BookmarkToken.safeParse(value);
  if (!parsed.success)
    throw new AppError('VALIDATION_ERROR', `${field} is not a bookmark this API returned`, [
      { field, message: parsed.error.issues[0]?.message ?? 'expected a bookmark' },
    ]);
  return bookmarksOf(parsed.data);
}

/** Runs the rest of the request in a scope that waits for the bookmarks it carries. */
export function bookmarkScope(name: OperationName): RequestHandler {
  const role = contract[name].bookmark;
  return (req, _res, next) => {
    if (!role) return next();
    let wait: string[];
    try {
      wait = [
        ...carried(req.get(BOOKMARK_HEADER), BOOKMARK_HEADER),
        ...carried(req.query[BOOKMARK_PARAM], BOOKMARK_PARAM),
      ];
    } catch (error) {
      return next(error);
    }
    withinBookmarkScope(wait, next);
  };
}

/** Sets the response header of a write's bookmark (from its output), when it wrote anything. */
export function sendBookmark(name: OperationName, res: Response, output: unknown): void {
  if (contract[name].bookmark !== 'returns') return;
  const token =
    typeof output === 'object' && output !== null && 'bookmark' in output
      ? output.bookmark
      : undefined;
  if (typeof token === 'string') res.set(BOOKMARK_HEADER, token);
}

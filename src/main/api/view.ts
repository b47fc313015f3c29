/**
 * The compact view formats of the view operations (contract `view: true`): `?format=compact`
 * answers one compact document, `?format=ndjson` streams it as NDJSON lines (header, node
 * chunks, relationship chunks, end), written as the client takes them. Without `format` (or with
 * `format=json`) the route answers the full JSON response as any other.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { GraphResponse } from '../../shared/api';
import {
  COMPACT_MEDIA_TYPE,
  NDJSON_MEDIA_TYPE,
  ViewFormat,
  compactStreamLines,
  encodeCompactGraph,
} from '../../shared/compact-graph';
import { validationError } from '../../shared/errors';

export const FORMAT_PARAM = 'format';

/** The format a view request asks for (json when none); 400 naming `format` when unknown. */
const FormatQuery = z.object({ [FORMAT_PARAM]: ViewFormat.default('json') });

export function viewFormatOf(req: Request): ViewFormat {
  const parsed = FormatQuery.safeParse({ [FORMAT_PARAM]: req.query[FORMAT_PARAM] });
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data[FORMAT_PARAM];
}

/** Resolves once the socket has taken what was written (at once when it was not full). */
const drained = (res: Response): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });

/** Answers a view operation's output in the compact format asked for. */
export async function sendView(
  res: Response,
  output: GraphResponse,
  format: Exclude<ViewFormat, 'json'>,
): Promise<void> {
  if (format === 'compact') {
    res.type(COMPACT_MEDIA_TYPE).send(JSON.stringify(encodeCompactGraph(output)));
    return;
  }
  res.type(NDJSON_MEDIA_TYPE);
  for (const line of compactStreamLines(output)) {
    if (res.destroyed) return;
    if (!res.write(`${line}\n`)) await drained(res);
  }
  res.end();
}

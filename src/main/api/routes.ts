/**
 * Routes derived from the contract table: each operation's method and path, its input validated
 * by one middleware, its handler called with the parsed value, and its output checked against
 * the output schema (outside production). Generation start and the import uploads have their own
 * routes (generation.ts, import.ts).
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import {
  contract,
  isViewOperation,
  OPERATION_NAMES,
  type OperationName,
} from '../../shared/contract';
import type { Handlers } from '../services/types';
import { bookmarkScope, sendBookmark } from './bookmarks';
import { RETRY_AFTER_SECONDS } from './errors';
import { checkOutput, inputOf, validateInput } from './validate';
import { sendView, viewFormatOf } from './view';
import type { GraphResponse } from '../../shared/api';

/** Operations whose routes are built elsewhere. */
const OWN_ROUTES: readonly OperationName[] = ['startGeneration', 'importFiles', 'startImport'];

type AfterHook = (req: Request, res: Response, input: unknown, output: unknown) => void;

/** What a route does beyond answering 200 with the output. */
const AFTER: Partial<Record<OperationName, AfterHook>> = {
  health: (_req, res, _input, output) => {
    const unavailable =
      typeof output === 'object' && output !== null && 'status' in output && output.status !== 'ok';
    if (unavailable) res.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS));
  },
  // Deleting data is always worth a line in the log, with who asked (request id) and what went.
  clearGraph: (req, _res, input, output) => {
    req.log.warn({ input, result: output }, 'Graph data cleared');
  },
};

function operationHandler(
  name: OperationName,
  handlers: Handlers,
  validateResponses: boolean,
): RequestHandler {
  // The input was parsed with this operation's schema, which is what its handler takes.
  const handler = handlers[name] as (input: unknown) => Promise<unknown>;
  const view = isViewOperation(name);
  return async (req, res) => {
    const input = inputOf(req, name);
    // An unknown format is refused before the database is asked.
    const format = view ? viewFormatOf(req) : 'json';
    const output = await handler(input);
    if (validateResponses) checkOutput(name, output);
    res.status(200);
    sendBookmark(name, res, output);
    AFTER[name]?.(req, res, input, output);
    // View operations answer graphs (their output schema is GraphResponse).
    if (format !== 'json') return sendView(res, output as GraphResponse, format);
    res.json(output);
  };
}

export function contractRouter(handlers: Handlers, validateResponses: boolean): Router {
  const router = Router();
  for (const name of OPERATION_NAMES) {
    if (OWN_ROUTES.includes(name)) continue;
    const { method, path } = contract[name].http;
    const route = router.route(path);
    const chain = [
      bookmarkScope(name),
      validateInput(name),
      operationHandler(name, handlers, validateResponses),
    ];
    if (method === 'GET') route.get(chain);
    else if (method === 'POST') route.post(chain);
    else if (method === 'PATCH') route.patch(chain);
    else route.delete(chain);
  }
  return router;
}

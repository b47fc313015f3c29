/**
 * The one validation step of every route: the request's path parameters, query and body are
 * decoded (shared/http) and parsed with the operation's input schema; the parsed value is what
 * the route hands on. Responses can be checked against the output schema the same way.
 */
import type { Request, RequestHandler } from 'express';
import type { z } from 'zod';
import { contract, type Contract, type OperationName } from '../../shared/contract';
import { AppError, validationError } from '../../shared/errors';
import { decodeInput } from '../../shared/http';

export type ParsedInput<N extends OperationName> = z.infer<Contract[N]['input']>;

const parsedInputs = new WeakMap<Request, unknown>();

export function validateInput(name: OperationName): RequestHandler {
  const schema = contract[name].input;
  return (req, _res, next) => {
    const raw = decodeInput(name, {
      params: req.params,
      query: req.query,
      body: req.body as unknown,
    });
    const result = schema.safeParse(raw);
    if (!result.success) return next(validationError(result.error));
    parsedInputs.set(req, result.data);
    next();
  };
}

/** The input `validateInput(name)` parsed for this request. */
export function inputOf<N extends OperationName>(req: Request, _name: N): ParsedInput<N> {
  if (!parsedInputs.has(req)) throw new AppError('INTERNAL', 'The request was not validated.');
  // Stored by validateInput(name) from this operation's schema.
  return parsedInputs.get(req) as ParsedInput<N>;
}

/** Throws when a response breaks its schema: logged in full, reported to the client as INTERNAL. */
export function checkOutput(name: OperationName, output: unknown): void {
  const result = contract[name].output.safeParse(output);
  if (result.success) return;
  const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new Error(`The ${name} response does not match its schema: ${issues}`);
}

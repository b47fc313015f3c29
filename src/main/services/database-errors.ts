/**
 * Every operation's failures pass through the one translation of driver errors (db/errors), so
 * REST, IPC and the CLI see the same typed errors whichever service or query failed. Every
 * operation of the contract is wrapped.
 */
import { asDatabaseError, type DatabaseTarget } from '../db/errors';
import { OPERATION_NAMES, type OperationName } from '../../shared/contract';
import type { Handlers } from './types';

export function withDatabaseErrors(handlers: Handlers, target: DatabaseTarget): Handlers {
  const translated = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw asDatabaseError(error, target);
    }
  };
  // Each handler takes its own operation's parsed input; the wrapper passes it through.
  const wrap = (name: OperationName) => {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    return (input: unknown) => translated(() => handler(input));
  };
  // Built from the contract's names, so every operation, present and future, is translated.
  return Object.fromEntries(OPERATION_NAMES.map((name) => [name, wrap(name)])) as Handlers;
}

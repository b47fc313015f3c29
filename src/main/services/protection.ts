/**
 * The connection's protection level applied to every write of the contract (operations marked
 * `write`): under `read-only` they are refused before they reach the database (which, in READ
 * sessions, would refuse them too); under `confirm` they run only when the request says
 * `confirm: true`; under `free` they run as asked.
 */
import { contract, OPERATION_NAMES, type OperationName } from '../../shared/contract';
import type { ProtectionLevel } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { Handlers } from './types';

type WriteInput = { confirm?: boolean; read_only?: boolean; dry_run?: boolean; preview?: boolean };

/** The imports: their dry runs write in a transaction they roll back. */
const IMPORTS: readonly OperationName[] = ['importFiles', 'startImport'];
const isDryRun = (name: OperationName, input: WriteInput): boolean =>
  IMPORTS.includes(name) && input.dry_run === true;

/** Whether this request of the operation would write. */
function writes(name: OperationName, input: WriteInput): boolean {
  const op = contract[name];
  if (!('write' in op)) return false;
  // A preview of an edit answers with its statements and writes nothing.
  if (input.preview === true) return false;
  if (op.write === 'when-writing') return input.read_only === false;
  return !isDryRun(name, input);
}

const what: Partial<Record<OperationName, string>> = {
  runQuery: 'A write query',
  startGeneration: 'Generating data',
  clearGraph: 'Clearing data',
  importFiles: 'An import',
  startImport: 'An import',
  createNode: 'Creating a node',
  updateNode: 'Editing a node',
  deleteNode: 'Deleting a node',
  createRelationship: 'Creating a relationship',
  updateRelationship: 'Editing a relationship',
  deleteRelationship: 'Deleting a relationship',
  bulkUpdateRelationships: 'A bulk edit',
  undoLastEdit: 'Undoing an edit',
};

function protectionRefusal(
  name: OperationName,
  input: WriteInput,
  level: ProtectionLevel,
): AppError | undefined {
  if (level === 'free') return undefined;
  // A dry run of an import writes in a transaction it rolls back: not under read-only.
  const readOnlyDryRun = level === 'read-only' && isDryRun(name, input);
  if (!writes(name, input) && !readOnlyDryRun) return undefined;
  const action = what[name] ?? 'This write';
  if (level === 'read-only')
    return new AppError(
      'WRITE_NOT_ALLOWED',
      `${action} is refused: this connection is read-only (protection level read-only).`,
    );
  if (input.confirm === true) return undefined;
  return new AppError(
    'CONFIRMATION_REQUIRED',
    `${action} needs confirmation on this connection (protection level confirm): send confirm: true.`,
    [{ field: 'confirm', message: 'set confirm to true to run this write' }],
  );
}

export function withProtection(handlers: Handlers, level: ProtectionLevel): Handlers {
  if (level === 'free') return handlers;
  const wrap = (name: OperationName) => {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    return async (input: unknown) => {
      const refusal = protectionRefusal(name, input ?? {}, level);
      if (refusal) throw refusal;
      return handler(input);
    };
  };
  return Object.fromEntries(OPERATION_NAMES.map((name) => [name, wrap(name)])) as Handlers;
}

/**
 * The IPC side of the contract: one channel per operation (`sn:<operationName>`), the result
 * envelope every invoke returns, and the event channels main pushes to the window. Main, the
 * preload and the renderer's bridge client all derive from this module.
 */
import { z } from 'zod';
import { BookmarkToken } from './api';
import { MENU_COMMAND_IDS } from './commands';
import {
  CLIENT_OPERATION_NAMES,
  VIEW_OPERATION_NAMES,
  type ClientOperationName,
  type ViewRequest,
  type OperationInput,
  type OperationOutput,
} from './contract';
import {
  DESKTOP_OPERATION_NAMES,
  type DesktopInput,
  type DesktopOperationName,
  type DesktopOutput,
} from './desktop';
import { ErrorCode, ErrorCurrent, ErrorDetail } from './errors';

export type BridgeOperationName = ClientOperationName | DesktopOperationName;

export const operationChannel = (name: BridgeOperationName): `sn:${BridgeOperationName}` =>
  `sn:${name}`;

/** Every invoke channel, in contract order: client operations first, then desktop ones. */
export const BRIDGE_OPERATION_NAMES: readonly BridgeOperationName[] = [
  ...CLIENT_OPERATION_NAMES,
  ...DESKTOP_OPERATION_NAMES,
];

/** Channels that are not operations: subscriptions (renderer → main) and events (main → renderer). */
export const SUBSCRIBE_GENERATION = 'sn:subscribe:generation';
export const UNSUBSCRIBE_GENERATION = 'sn:unsubscribe:generation';
export const GENERATION_PROGRESS_EVENT = 'sn:event:generation-progress';
export const MENU_COMMAND_EVENT = 'sn:event:menu-command';
/**
 * A view load (Client.viewGraph): main answers with how many lines it sent, after sending each
 * line of the compact NDJSON stream as an event to the window that asked.
 */
export const VIEW_GRAPH = 'sn:view-graph';
export const VIEW_LINE_EVENT = 'sn:event:view-line';
/** The app info, pushed whenever the backend starts, fails or reports start-up progress. */
export const APP_STATUS_EVENT = 'sn:event:app-status';

export const IpcError = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.array(ErrorDetail).optional(),
  current: ErrorCurrent.optional(),
});
export type IpcError = z.infer<typeof IpcError>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** The envelope as the receiving side parses it; `value` is then parsed with the output schema. */
export const IpcEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: IpcError }),
]);

/**
 * The bridge's second argument, sent only when there is something in it: the bookmark of the
 * window's latest write, for operations that wait for one (see BookmarkToken).
 */
export const IpcTransport = z.strictObject({ bookmark: BookmarkToken });
export type IpcTransport = z.infer<typeof IpcTransport>;

export const GenerationSubscription = z.strictObject({
  subscription: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  jobId: z.string().min(1).max(100),
});
export type GenerationSubscription = z.infer<typeof GenerationSubscription>;

export const ViewGraphCall = z.strictObject({
  stream: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  operation: z.enum(VIEW_OPERATION_NAMES),
  input: z.unknown(),
});
export type ViewGraphCall = z.infer<typeof ViewGraphCall>;
export const ViewGraphAnswer = z.object({ lines: z.number().int().min(0) });
export type ViewGraphAnswer = z.infer<typeof ViewGraphAnswer>;

/** Commands of the native menu (./commands marks them); the renderer runs what it receives. */
export const MenuCommand = z.enum(MENU_COMMAND_IDS);
export type MenuCommand = z.infer<typeof MenuCommand>;

/**
 * What the preload exposes as `window.api`: one async function per operation, answering with the
 * result envelope (errors crossing the context bridge keep their code this way), and
 * subscriptions returning an unsubscribe function. Payloads are handed on unparsed: the
 * renderer's bridge client parses them.
 */
export type Bridge = {
  [N in ClientOperationName]: (
    input: OperationInput<N>,
    transport?: IpcTransport,
  ) => Promise<IpcResult<OperationOutput<N>>>;
} & {
  [N in DesktopOperationName]: (input: DesktopInput<N>) => Promise<IpcResult<DesktopOutput<N>>>;
} & {
  onGenerationProgress: (jobId: string, listener: (job: unknown) => void) => () => void;
  /** A view load: each line of the compact stream to `onLine`, then how many were sent. */
  viewGraph: (
    request: ViewRequest,
    onLine: (line: unknown) => void,
    transport?: IpcTransport,
  ) => Promise<IpcResult<ViewGraphAnswer>>;
  onMenuCommand: (listener: (command: unknown) => void) => () => void;
  onAppStatus: (listener: (status: unknown) => void) => () => void;
};

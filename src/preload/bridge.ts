/**
 * Builds the `api` object from the contract's operation names: each function invokes its channel
 * with one argument and hands back main's result envelope. Nothing is parsed here: main
 * validates inputs, the renderer's bridge client validates outputs.
 */
import {
  APP_STATUS_EVENT,
  BRIDGE_OPERATION_NAMES,
  GENERATION_PROGRESS_EVENT,
  MENU_COMMAND_EVENT,
  SUBSCRIBE_GENERATION,
  UNSUBSCRIBE_GENERATION,
  VIEW_GRAPH,
  VIEW_LINE_EVENT,
  operationChannel,
  type Bridge,
  type GenerationSubscription,
  type ViewGraphCall,
} from '../shared/ipc';

/** The part of Electron's ipcRenderer the bridge uses. */
export type IpcRendererLike = {
  invoke: (channel: string, ...args: unknown[]) => Promise<unknown>;
  send: (channel: string, ...args: unknown[]) => void;
  on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => unknown;
  removeListener: (
    channel: string,
    listener: (event: unknown, ...args: unknown[]) => void,
  ) => unknown;
};

let subscriptionCounter = 0;
const nextSubscriptionId = (): string =>
  `s${Date.now().toString(36)}${(++subscriptionCounter).toString(36)}`;

function subscribeGeneration(
  ipc: IpcRendererLike,
  jobId: string,
  listener: (job: unknown) => void,
): () => void {
  if (typeof jobId !== 'string' || typeof listener !== 'function')
    throw new TypeError('onGenerationProgress(jobId: string, listener: function)');
  const subscription = nextSubscriptionId();
  const onEvent = (_event: unknown, payload: unknown): void => {
    // Events of other subscriptions share the channel; only the id is looked at here.
    if (
      typeof payload === 'object' &&
      payload !== null &&
      'subscription' in payload &&
      payload.subscription === subscription &&
      'job' in payload
    )
      listener(payload.job);
  };
  ipc.on(GENERATION_PROGRESS_EVENT, onEvent);
  const request: GenerationSubscription = { subscription, jobId };
  // A refused subscription simply delivers no events; the caller can still poll the job.
  ipc.invoke(SUBSCRIBE_GENERATION, request).catch(() => undefined);
  let active = true;
  return () => {
    if (!active) return;
    active = false;
    ipc.removeListener(GENERATION_PROGRESS_EVENT, onEvent);
    ipc.send(UNSUBSCRIBE_GENERATION, { subscription });
  };
}

/** Longest wait for lines main sent before its answer. */
const LATE_LINES_MS = 5000;

const linesOf = (answer: unknown): number =>
  typeof answer === 'object' &&
  answer !== null &&
  'ok' in answer &&
  answer.ok === true &&
  'value' in answer &&
  typeof answer.value === 'object' &&
  answer.value !== null &&
  'lines' in answer.value &&
  typeof answer.value.lines === 'number'
    ? answer.value.lines
    : 0;

/** A view load: lines of this call's stream go to `onLine` until main has answered. */
async function viewGraph(
  ipc: IpcRendererLike,
  request: unknown,
  onLine: (line: unknown) => void,
  transport?: unknown,
): Promise<unknown> {
  if (typeof request !== 'object' || request === null || typeof onLine !== 'function')
    throw new TypeError('viewGraph(request: object, onLine: function)');
  const stream = nextSubscriptionId();
  let received = 0;
  let expected = Infinity;
  let allIn: () => void = () => undefined;
  const onEvent = (_event: unknown, payload: unknown): void => {
    if (
      typeof payload === 'object' &&
      payload !== null &&
      'stream' in payload &&
      payload.stream === stream &&
      'line' in payload
    ) {
      received++;
      onLine(payload.line);
      if (received >= expected) allIn();
    }
  };
  ipc.on(VIEW_LINE_EVENT, onEvent);
  const operation = 'operation' in request ? request.operation : undefined;
  const input = 'input' in request ? request.input : undefined;
  const bookmark =
    typeof transport === 'object' && transport !== null && 'bookmark' in transport
      ? transport.bookmark
      : undefined;
  const call: ViewGraphCall = { stream, operation: operation as ViewGraphCall['operation'], input };
  try {
    const answer = await (typeof bookmark === 'string'
      ? ipc.invoke(VIEW_GRAPH, call, { bookmark })
      : ipc.invoke(VIEW_GRAPH, call));
    // Main sent every line before answering; should an event still be on its way, wait for it.
    const lines = linesOf(answer);
    if (lines > received) {
      expected = lines;
      await new Promise<void>((resolve) => {
        allIn = resolve;
        setTimeout(resolve, LATE_LINES_MS);
      });
    }
    return answer;
  } finally {
    ipc.removeListener(VIEW_LINE_EVENT, onEvent);
  }
}

/** Events main pushes to every listener of a channel (menu commands, app status). */
function subscribeEvent(
  ipc: IpcRendererLike,
  channel: string,
  listener: (payload: unknown) => void,
): () => void {
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
  const onEvent = (_event: unknown, payload: unknown): void => listener(payload);
  ipc.on(channel, onEvent);
  return () => {
    ipc.removeListener(channel, onEvent);
  };
}

export function createBridge(ipc: IpcRendererLike): Bridge {
  const operations = Object.fromEntries(
    BRIDGE_OPERATION_NAMES.map((name) => {
      const channel = operationChannel(name);
      // One argument object, and a bookmark when the page has one; anything else the page
      // passes is dropped before it crosses.
      const call = (input: unknown, transport?: unknown): Promise<unknown> => {
        const bookmark =
          typeof transport === 'object' && transport !== null && 'bookmark' in transport
            ? transport.bookmark
            : undefined;
        return typeof bookmark === 'string'
          ? ipc.invoke(channel, input, { bookmark })
          : ipc.invoke(channel, input);
      };
      return [name, call];
    }),
  );
  const bridge = {
    ...operations,
    onGenerationProgress: (jobId: string, listener: (job: unknown) => void) =>
      subscribeGeneration(ipc, jobId, listener),
    viewGraph: (request: unknown, onLine: (line: unknown) => void, transport?: unknown) =>
      viewGraph(ipc, request, onLine, transport),
    onMenuCommand: (listener: (command: unknown) => void) =>
      subscribeEvent(ipc, MENU_COMMAND_EVENT, listener),
    onAppStatus: (listener: (status: unknown) => void) =>
      subscribeEvent(ipc, APP_STATUS_EVENT, listener),
  };
  // The operation functions are typed by the contract; main answers each with its envelope.
  return bridge as Bridge;
}

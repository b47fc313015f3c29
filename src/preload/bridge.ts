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
  operationChannel,
  type Bridge,
  type GenerationSubscription,
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
    onMenuCommand: (listener: (command: unknown) => void) =>
      subscribeEvent(ipc, MENU_COMMAND_EVENT, listener),
    onAppStatus: (listener: (status: unknown) => void) =>
      subscribeEvent(ipc, APP_STATUS_EVENT, listener),
  };
  // The operation functions are typed by the contract; main answers each with its envelope.
  return bridge as Bridge;
}

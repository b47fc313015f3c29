/**
 * Registers one `ipcMain.handle` per operation of the contract (and of the desktop contract):
 * the sender is checked, the input parsed with the operation's schema, the handler called, and
 * the answer wrapped in the result envelope. Generation progress is a subscription whose events
 * go only to the window that asked, throttled like the event stream.
 */
import type { z } from 'zod';
import { contract, CLIENT_OPERATION_NAMES } from '../../shared/contract';
import { desktopContract, DESKTOP_OPERATION_NAMES } from '../../shared/desktop';
import { AppError, validationError } from '../../shared/errors';
import {
  GENERATION_PROGRESS_EVENT,
  GenerationSubscription,
  IpcTransport,
  SUBSCRIBE_GENERATION,
  UNSUBSCRIBE_GENERATION,
  VIEW_GRAPH,
  VIEW_LINE_EVENT,
  ViewGraphCall,
  operationChannel,
  type ViewGraphAnswer,
  type BridgeOperationName,
  type IpcResult,
} from '../../shared/ipc';
import { bookmarksOf } from '../../shared/http';
import type { GraphResponse } from '../../shared/api';
import { compactStreamLines } from '../../shared/compact-graph';
import { withinBookmarkScope } from '../db/bookmarks';
import type { Logger } from '../logger';
import { throttleProgress } from '../services/generation/throttle';
import { withClient } from '../services/request-context';
import type { Handlers } from '../services/types';
import type { DesktopHandlers, GenerationEvents } from '../desktop/types';
import { failure } from './errors';
import { isTrustedSender, type SenderEvent, type SenderPolicy } from './sender';

export type IpcSenderContents = {
  id: number;
  send: (channel: string, ...args: unknown[]) => void;
  isDestroyed: () => boolean;
  once: (event: 'destroyed', listener: () => void) => unknown;
};

export type IpcEvent = SenderEvent & { sender: IpcSenderContents };

/** The part of Electron's ipcMain the shell uses. */
export type IpcMainLike = {
  handle: (channel: string, listener: (event: IpcEvent, ...args: unknown[]) => unknown) => void;
  removeHandler: (channel: string) => void;
  on: (channel: string, listener: (event: IpcEvent, ...args: unknown[]) => void) => unknown;
  removeListener: (
    channel: string,
    listener: (event: IpcEvent, ...args: unknown[]) => void,
  ) => unknown;
};

export type IpcDeps = {
  ipcMain: IpcMainLike;
  /** The running backend's handlers; throws an AppError while there is none. */
  handlers: () => Handlers;
  desktop: DesktopHandlers;
  generation: () => GenerationEvents;
  policy: SenderPolicy;
  logger: Pick<Logger, 'warn' | 'error'>;
};

const refused = new AppError('UNAUTHORIZED', 'This caller may not use the app’s API.');

/** Calls with no argument count as `{}`, so `api.health()` works like `api.health({})`. */
const argument = (raw: unknown): unknown => (raw === undefined ? {} : raw);

export function registerIpc(deps: IpcDeps): () => void {
  const { ipcMain, policy, logger } = deps;
  const channels: string[] = [];

  const trusted = (event: IpcEvent, channel: string): boolean => {
    if (isTrustedSender(event, policy)) return true;
    logger.warn({ channel, url: event.senderFrame?.url }, 'IPC call from an unexpected sender');
    return false;
  };

  const serve = (
    name: BridgeOperationName,
    schema: z.ZodType,
    run: (input: unknown) => Promise<unknown>,
  ): void => {
    const channel = operationChannel(name);
    channels.push(channel);
    ipcMain.handle(channel, async (event, raw, rawTransport): Promise<IpcResult<unknown>> => {
      if (!trusted(event, channel)) return failure(refused);
      const parsed = schema.safeParse(argument(raw));
      if (!parsed.success) return failure(validationError(parsed.error, `${name} input`));
      const transport = IpcTransport.optional().safeParse(rawTransport);
      if (!transport.success) return failure(validationError(transport.error, `${name} bookmark`));
      try {
        // The operation waits for the window's latest write (when it sent its bookmark).
        const wait = bookmarksOf(transport.data?.bookmark);
        const value = await withClient({ client: 'ipc' }, () =>
          withinBookmarkScope(wait, () => run(parsed.data)),
        );
        return { ok: true, value };
      } catch (error) {
        if (!(error instanceof AppError)) logger.error({ err: error, channel }, 'IPC call failed');
        return failure(error);
      }
    });
  };

  for (const name of CLIENT_OPERATION_NAMES) {
    const handler = (input: unknown) =>
      (deps.handlers()[name] as (input: unknown) => Promise<unknown>)(input);
    serve(name, contract[name].input, handler);
  }
  for (const name of DESKTOP_OPERATION_NAMES) {
    const handler = deps.desktop[name] as (input: unknown) => Promise<unknown>;
    serve(name, desktopContract[name].input, handler);
  }
  const stopSubscriptions = registerGenerationEvents(deps, trusted);
  registerViewGraph(deps, trusted);
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
    ipcMain.removeHandler(VIEW_GRAPH);
    stopSubscriptions();
  };
}

/**
 * View loads (Client.viewGraph): the operation's graph as the lines of the compact NDJSON
 * stream, each sent to the asking window as an event, then the answer with their count.
 */
function registerViewGraph(
  deps: IpcDeps,
  trusted: (event: IpcEvent, channel: string) => boolean,
): void {
  deps.ipcMain.handle(
    VIEW_GRAPH,
    async (event, raw, rawTransport): Promise<IpcResult<ViewGraphAnswer>> => {
      if (!trusted(event, VIEW_GRAPH)) return failure(refused);
      const call = ViewGraphCall.safeParse(raw);
      if (!call.success) return failure(validationError(call.error, 'View request'));
      const { stream, operation } = call.data;
      const input = contract[operation].input.safeParse(argument(call.data.input));
      if (!input.success) return failure(validationError(input.error, `${operation} input`));
      const transport = IpcTransport.optional().safeParse(rawTransport);
      if (!transport.success)
        return failure(validationError(transport.error, `${operation} bookmark`));
      try {
        const handler = deps.handlers()[operation] as (input: unknown) => Promise<GraphResponse>;
        const wait = bookmarksOf(transport.data?.bookmark);
        const output = await withinBookmarkScope(wait, () => handler(input.data));
        let lines = 0;
        for (const line of compactStreamLines(output)) {
          if (event.sender.isDestroyed()) break;
          event.sender.send(VIEW_LINE_EVENT, { stream, line });
          lines++;
        }
        return { ok: true, value: { lines } };
      } catch (error) {
        if (!(error instanceof AppError))
          deps.logger.error({ err: error, channel: VIEW_GRAPH }, 'IPC call failed');
        return failure(error);
      }
    },
  );
}

function registerGenerationEvents(
  deps: IpcDeps,
  trusted: (event: IpcEvent, channel: string) => boolean,
): () => void {
  const { ipcMain } = deps;
  const active = new Map<string, () => void>();
  const watched = new Set<number>();
  const keyOf = (senderId: number, subscription: string) => `${senderId}:${subscription}`;

  const drop = (key: string): void => {
    active.get(key)?.();
    active.delete(key);
  };

  ipcMain.handle(SUBSCRIBE_GENERATION, (event, raw): IpcResult<null> => {
    if (!trusted(event, SUBSCRIBE_GENERATION)) return failure(refused);
    const parsed = GenerationSubscription.safeParse(raw);
    if (!parsed.success) return failure(validationError(parsed.error, 'Subscription'));
    const { subscription, jobId } = parsed.data;
    const sender = event.sender;
    const key = keyOf(sender.id, subscription);
    if (active.has(key)) return { ok: true, value: null };
    try {
      // As few updates as the event stream sends: a fast run must not flood the window.
      const throttle = throttleProgress((job) => {
        if (!sender.isDestroyed()) sender.send(GENERATION_PROGRESS_EVENT, { subscription, job });
      });
      const unsubscribe = deps.generation().subscribe(jobId, throttle.update);
      active.set(key, () => {
        throttle.stop();
        unsubscribe();
      });
    } catch (error) {
      return failure(error);
    }
    if (!watched.has(sender.id)) {
      watched.add(sender.id);
      // A closed or reloaded window stops listening; its subscriptions go with it.
      sender.once('destroyed', () => {
        watched.delete(sender.id);
        for (const key of [...active.keys()]) if (key.startsWith(`${sender.id}:`)) drop(key);
      });
    }
    return { ok: true, value: null };
  });

  const onUnsubscribe = (event: IpcEvent, raw: unknown): void => {
    if (!trusted(event, UNSUBSCRIBE_GENERATION)) return;
    const parsed = GenerationSubscription.pick({ subscription: true }).safeParse(raw);
    if (parsed.success) drop(keyOf(event.sender.id, parsed.data.subscription));
  };
  ipcMain.on(UNSUBSCRIBE_GENERATION, onUnsubscribe);

  return () => {
    ipcMain.removeHandler(SUBSCRIBE_GENERATION);
    ipcMain.removeListener(UNSUBSCRIBE_GENERATION, onUnsubscribe);
    for (const key of [...active.keys()]) drop(key);
  };
}

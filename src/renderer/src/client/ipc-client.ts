/**
 * The client contract over the desktop bridge (`window.api`): every answer from main is parsed
 * with the operation's output schema before the UI sees it, and error envelopes become
 * `AppError`s with their code and details.
 */
import type { z } from 'zod';
import { GenerationJob } from '@shared/api';
import {
  CLIENT_OPERATION_NAMES,
  contract,
  type CallOptions,
  type Client,
  type ClientOperationName,
} from '@shared/contract';
import {
  AppInfo,
  DESKTOP_OPERATION_NAMES,
  desktopContract,
  type DesktopOperationName,
} from '@shared/desktop';
import { AppError } from '@shared/errors';
import { IpcEnvelope, MenuCommand, type Bridge, type IpcTransport } from '@shared/ipc';
import { createBookmarkHolder } from './bookmark';
import { cancelMessage } from './cancel';
import type { DesktopClient } from './types';

/** The contract over the bridge, with the desktop capability that only the bridge offers. */
export type BridgeClient = Client & { desktop: DesktopClient };

function unwrap<T extends z.ZodType>(name: string, schema: T, answer: unknown): z.infer<T> {
  const invalid = () =>
    new AppError('INTERNAL', `The app answered ${name} with data it does not understand.`);
  const envelope = IpcEnvelope.safeParse(answer);
  if (!envelope.success) throw invalid();
  if (!envelope.data.ok) {
    const { code, message, details, current } = envelope.data.error;
    throw new AppError(code, message, details, current);
  }
  const value = schema.safeParse(envelope.data.value);
  if (!value.success) throw invalid();
  return value.data;
}

export function createIpcClient(bridge: Bridge): BridgeClient {
  const bookmark = createBookmarkHolder();
  const call =
    (name: ClientOperationName | DesktopOperationName, schema: z.ZodType) =>
    async (input: unknown, { signal }: CallOptions = {}): Promise<unknown> => {
      const invoke = bridge[name] as (input: unknown, transport?: IpcTransport) => Promise<unknown>;
      const role = name in contract ? contract[name as ClientOperationName].bookmark : undefined;
      const carried = role ? bookmark.current() : null;
      const send = (): Promise<unknown> =>
        carried ? invoke(input, { bookmark: carried }) : invoke(input);
      const answered = async (): Promise<unknown> => {
        // An IPC call cannot be withdrawn from main: a cancelled one is answered at once and its
        // late answer dropped.
        if (!signal) return send();
        const cancelled = (): AppError => new AppError('CANCELLED', cancelMessage(signal));
        if (signal.aborted) throw cancelled();
        const aborted = new Promise<never>((_, reject) =>
          signal.addEventListener('abort', () => reject(cancelled()), { once: true }),
        );
        return Promise.race([send(), aborted]);
      };
      const output = unwrap(name, schema, await answered());
      if (role === 'returns') bookmark.remember(output);
      return output;
    };
  const operations = Object.fromEntries(
    CLIENT_OPERATION_NAMES.map((name) => [name, call(name, contract[name].output)]),
  ) as { [N in ClientOperationName]: Client[N] };
  const desktopOperations = Object.fromEntries(
    DESKTOP_OPERATION_NAMES.map((name) => [name, call(name, desktopContract[name].output)]),
  ) as Omit<DesktopClient, 'onMenuCommand' | 'onAppStatus'>;

  return {
    ...operations,
    onGenerationProgress: (jobId, listener) =>
      bridge.onGenerationProgress(jobId, (raw) => {
        const job = GenerationJob.safeParse(raw);
        if (!job.success) return;
        if (job.data.status !== 'running') bookmark.remember(job.data);
        listener(job.data);
      }),
    desktop: {
      ...desktopOperations,
      onMenuCommand: (listener) =>
        bridge.onMenuCommand((raw) => {
          const command = MenuCommand.safeParse(raw);
          if (command.success) listener(command.data);
        }),
      onAppStatus: (listener) =>
        bridge.onAppStatus((raw) => {
          const info = AppInfo.safeParse(raw);
          if (info.success) listener(info.data);
        }),
    },
  };
}

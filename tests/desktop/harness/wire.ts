/**
 * What crosses the harness's WebSocket in place of Electron's IPC: JSON in which byte arrays
 * (files the renderer saves) are tagged and base64-encoded, since Electron's structured clone
 * keeps them as bytes. The page side has its own copy of `encode`/`decode` inside the preload
 * stand-in (./renderer.ts), which runs in the browser.
 */
export type ToMain =
  | { t: 'invoke'; n: number; channel: string; args: unknown[] }
  | { t: 'send'; channel: string; args: unknown[] };

export type ToPage =
  | { t: 'reply'; n: number; value: unknown }
  | { t: 'reject'; n: number; message: string }
  | { t: 'event'; channel: string; args: unknown[] };

const BYTES = '$bytes';

export const encode = (message: ToMain | ToPage): string =>
  JSON.stringify(message, (_key, value: unknown) =>
    value instanceof Uint8Array ? { [BYTES]: Buffer.from(value).toString('base64') } : value,
  );

export const decode = (text: string): ToMain =>
  JSON.parse(text, (_key, value: unknown) =>
    typeof value === 'object' && value !== null && BYTES in value
      ? new Uint8Array(Buffer.from(String((value as Record<string, unknown>)[BYTES]), 'base64'))
      : value,
  ) as ToMain;

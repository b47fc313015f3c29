/** `window.api` as the preload exposes it; absent when the UI runs as a web app. */
import type { Bridge } from '../shared/ipc';

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- global augmentation needs an interface
  interface Window {
    api?: Bridge;
  }
}

export {};

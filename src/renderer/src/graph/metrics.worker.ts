/** The metrics web worker: computes what each request asks, off the page's main thread. */
import { handleMetricsMessage } from './metrics-worker-core';
import type { MetricsReply } from './metrics-protocol';

const post = (reply: MetricsReply): void => self.postMessage(reply);

self.addEventListener('message', (event: MessageEvent<unknown>) =>
  handleMetricsMessage(event.data, post),
);

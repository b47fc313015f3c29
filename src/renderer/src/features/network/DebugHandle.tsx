/**
 * Render-null: with `?debug` in the page address, publishes a read-only snapshot handle as
 * `window.__SN__` (node/edge counts, camera, where a node is on screen) for browser tests.
 * Nothing can be changed through it.
 */
import { useEffect } from 'react';
import type { Explorer } from '../../state/explorer';
import { useSigma } from './sigma-context';

type DebugHandle = {
  readonly nodeCount: () => number;
  readonly edgeCount: () => number;
  readonly nodes: () => string[];
  readonly camera: () => { x: number; y: number; ratio: number; angle: number } | null;
  /** Viewport position (CSS pixels, relative to the network container) of a node. */
  readonly nodePosition: (key: string) => { x: number; y: number } | null;
  readonly layoutRunning: () => boolean;
  /** How sigma draws a node or an edge after the reducers (highlight, fading). */
  readonly nodeDisplay: (key: string) => { color: string; highlighted: boolean } | null;
  readonly edgeDisplay: (key: string) => { color: string; size: number } | null;
};

declare global {
  var __SN__: DebugHandle | undefined;
}

const debugEnabled = (): boolean => new URLSearchParams(window.location.search).has('debug');

export function DebugHandleController({ explorer }: { explorer: Explorer }): null {
  const sigma = useSigma();
  useEffect(() => {
    if (!debugEnabled()) return;
    const handle: DebugHandle = Object.freeze({
      nodeCount: () => explorer.graph.order,
      edgeCount: () => explorer.graph.size,
      nodes: () => explorer.graph.nodes(),
      camera: () => explorer.getCamera(),
      nodePosition: (key: string) => {
        if (!explorer.graph.hasNode(key)) return null;
        const { x, y } = explorer.graph.getNodeAttributes(key);
        return sigma.graphToViewport({ x, y });
      },
      layoutRunning: () => explorer.store.get().layoutRunning,
      nodeDisplay: (key: string) => {
        const data = sigma.getNodeDisplayData(key);
        return data ? { color: data.color, highlighted: data.highlighted } : null;
      },
      edgeDisplay: (key: string) => {
        const data = sigma.getEdgeDisplayData(key);
        return data ? { color: data.color, size: data.size } : null;
      },
    });
    globalThis.__SN__ = handle;
    return () => {
      globalThis.__SN__ = undefined;
    };
  }, [explorer, sigma]);
  return null;
}

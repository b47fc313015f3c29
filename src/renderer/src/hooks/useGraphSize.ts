/** The drawn graph's node and relationship counts, updated at most once per frame. */
import { useEffect, useState } from 'react';
import type { SigmaGraph } from '../graph/visual';

export function useGraphSize(graph: SigmaGraph): { nodes: number; edges: number } {
  const [size, setSize] = useState({ nodes: 0, edges: 0 });
  useEffect(() => {
    let frame = 0;
    // One state update per frame however many nodes and edges a load adds.
    const update = (): void => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setSize({ nodes: graph.order, edges: graph.size });
      });
    };
    update();
    const events = ['nodeAdded', 'nodeDropped', 'edgeAdded', 'edgeDropped', 'cleared'] as const;
    for (const e of events) graph.on(e, update);
    return () => {
      cancelAnimationFrame(frame);
      for (const e of events) graph.off(e, update);
    };
  }, [graph]);
  return size;
}

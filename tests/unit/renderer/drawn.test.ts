import { describe, expect, it } from 'vitest';
import { startExploration } from '../../../src/renderer/src/graph/exploration';
import { NO_GROUPING, groupBy } from '../../../src/renderer/src/graph/grouping';
import { createDrawnCache } from '../../../src/renderer/src/state/drawn';
import { base, c1, co1 } from './fixtures';

describe('the drawn dataset', () => {
  it('is derived once for the same inputs, again when one changes', () => {
    const drawn = createDrawnCache();
    const exploration = startExploration(base);
    const first = drawn({ exploration, streamed: null, grouping: NO_GROUPING });
    expect([...first.nodes.keys()].sort()).toEqual(base.nodes.map((n) => n.key).sort());
    expect(drawn({ exploration, streamed: null, grouping: NO_GROUPING })).toBe(first);
    const grouped = drawn({
      exploration,
      streamed: null,
      grouping: groupBy(NO_GROUPING, 'sales_region'),
    });
    expect(grouped).not.toBe(first);
    // A view still arriving is drawn instead of the exploration.
    const part = { nodes: [c1, co1], relationships: [] };
    const streamed = drawn({ exploration, streamed: part, grouping: NO_GROUPING });
    expect([...streamed.nodes.keys()].sort()).toEqual([c1.key, co1.key].sort());
    expect(drawn({ exploration, streamed: part, grouping: NO_GROUPING })).toBe(streamed);
    expect(drawn({ exploration, streamed: null, grouping: NO_GROUPING })).not.toBe(first);
  });
});

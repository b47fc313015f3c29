import { describe, expect, it } from 'vitest';
import { sigmaToSvg, type SigmaView } from '../../../../src/renderer/src/features/export/svg';

type Shown = {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string | null;
  hidden?: boolean;
};

/** Display data as sigma hands it out after its reducers; viewport = graph coordinates. */
function view(
  nodes: Record<string, Shown>,
  edges: [string, string, string, boolean?][],
): SigmaView {
  return {
    getDimensions: () => ({ width: 200, height: 100 }),
    getGraph: () => ({
      forEachNode: (cb) => Object.keys(nodes).forEach(cb),
      forEachEdge: (cb) => edges.forEach(([key, s, t]) => cb(key, {}, s, t)),
    }),
    getNodeDisplayData: (key) => nodes[key],
    getEdgeDisplayData: (key) => {
      const edge = edges.find(([k]) => k === key);
      return edge ? { size: 1, color: '#999', hidden: edge[3] } : undefined;
    },
    framedGraphToViewport: (p) => ({ x: p.x, y: p.y }),
    scaleSize: (size) => size,
    getSetting: () => 6,
  };
}

describe('SVG export', () => {
  const svg = sigmaToSvg(
    view(
      {
        a: { x: 10, y: 10, size: 8, color: '#4263eb', label: 'Ada & <Co>' },
        b: { x: 100, y: 50, size: 3, color: '#f08c00', label: 'Small' },
        gone: { x: 50, y: 50, size: 8, color: '#000', label: 'Hidden', hidden: true },
        far: { x: 900, y: 900, size: 8, color: '#000', label: 'Far' },
      },
      [
        ['ab', 'a', 'b'],
        ['a-gone', 'a', 'gone'],
        ['hidden', 'a', 'b', true],
      ],
    ),
    '#ffffff',
    '#212529',
  );

  it('draws the visible nodes in view and the edges between drawn nodes', () => {
    expect(svg).toContain('width="200" height="100" viewBox="0 0 200 100"');
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).toContain('<circle cx="10" cy="10" r="8" fill="#4263eb"/>');
    expect(svg.match(/<line /g)).toHaveLength(1);
    expect(svg).toContain('<line x1="10" y1="10" x2="100" y2="50"');
  });

  it('labels the nodes large enough for a label, escaped', () => {
    expect(svg).toContain('>Ada &amp; &lt;Co&gt;</text>');
    expect(svg).not.toContain('Small');
    expect(svg).not.toContain('Hidden');
  });
});

/** The graph as JSON (graphology's serialisation format) and GEXF 1.3 (Gephi's format). */
import { write as writeGexf } from 'graphology-gexf';
import type { ExportGraph, FlatAttributes } from './export-graph';

export function graphJson(graph: ExportGraph): string {
  return `${JSON.stringify(graph.export(), null, 2)}\n`;
}

/** `#rgb`, `#rrggbb` or `#rrggbbaa` as `rgb(r,g,b)` / `rgba(r,g,b,a)`; other colours unchanged. */
export function rgbColor(color: string): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(color)?.[1];
  if (!hex) return color;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b, a] = (full.match(/../g) ?? []).map((pair) => parseInt(pair, 16));
  return a === undefined ? `rgb(${r},${g},${b})` : `rgba(${r},${g},${b},${(a / 255).toFixed(3)})`;
}

const withRgb = (_key: string, attributes: FlatAttributes): FlatAttributes =>
  typeof attributes.color === 'string'
    ? { ...attributes, color: rgbColor(attributes.color) }
    : attributes;

/**
 * Colours are written as `viz:color` r, g, b (and a) attributes: the writer would write GEXF
 * 1.3's `hex=` for `#` colours, which networkx's reader and older tools cannot read.
 */
export function graphGexf(graph: ExportGraph): string {
  const copy = graph.copy();
  copy.updateEachNodeAttributes(withRgb);
  copy.updateEachEdgeAttributes(withRgb);
  return writeGexf(copy, { version: '1.3', pretty: true });
}

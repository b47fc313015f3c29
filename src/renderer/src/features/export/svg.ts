/**
 * SVG of the network as drawn: what sigma shows after its reducers (highlight, fading, hidden
 * elements), at the view's size and camera, as vector shapes: straight edges, round nodes and
 * the labels sigma would draw for their size. Elements wholly outside the view are left out.
 */
import { escapeXml } from './graphml';

type Point = { x: number; y: number };
type NodeShown = Point & { size: number; color: string; label: string | null; hidden?: boolean };
type EdgeShown = { size: number; color: string; hidden?: boolean };

/** The part of a sigma instance the SVG is read from. */
export type SigmaView = {
  getDimensions(): { width: number; height: number };
  getGraph(): {
    forEachNode(callback: (key: string) => void): void;
    forEachEdge(
      callback: (key: string, attributes: unknown, source: string, target: string) => void,
    ): void;
  };
  getNodeDisplayData(key: string): (NodeShown & { forceLabel?: boolean }) | undefined;
  getEdgeDisplayData(key: string): EdgeShown | undefined;
  framedGraphToViewport(point: Point): Point;
  scaleSize(size: number): number;
  getSetting(name: 'labelRenderedSizeThreshold'): number;
};

const round = (value: number): number => Math.round(value * 100) / 100;
const LABEL_FONT_PX = 12;

export function sigmaToSvg(sigma: SigmaView, background: string, labelColor: string): string {
  const { width, height } = sigma.getDimensions();
  const inView = (p: Point, margin: number) =>
    p.x >= -margin && p.y >= -margin && p.x <= width + margin && p.y <= height + margin;
  const nodes = new Map<
    string,
    { at: Point; radius: number; data: NodeShown & { forceLabel?: boolean } }
  >();
  sigma.getGraph().forEachNode((key) => {
    const data = sigma.getNodeDisplayData(key);
    if (!data || data.hidden) return;
    nodes.set(key, {
      at: sigma.framedGraphToViewport(data),
      radius: sigma.scaleSize(data.size),
      data,
    });
  });
  const edges: string[] = [];
  sigma.getGraph().forEachEdge((key, _attributes, source, target) => {
    const data = sigma.getEdgeDisplayData(key);
    const from = nodes.get(source);
    const to = nodes.get(target);
    if (!data || data.hidden || !from || !to) return;
    if (!inView(from.at, 0) && !inView(to.at, 0)) return;
    edges.push(
      `<line x1="${round(from.at.x)}" y1="${round(from.at.y)}" x2="${round(to.at.x)}" y2="${round(to.at.y)}" stroke="${escapeXml(data.color)}" stroke-width="${round(Math.max(0.5, sigma.scaleSize(data.size)))}"/>`,
    );
  });
  const circles: string[] = [];
  const labels: string[] = [];
  const threshold = sigma.getSetting('labelRenderedSizeThreshold');
  for (const { at, radius, data } of nodes.values()) {
    if (!inView(at, radius)) continue;
    circles.push(
      `<circle cx="${round(at.x)}" cy="${round(at.y)}" r="${round(radius)}" fill="${escapeXml(data.color)}"/>`,
    );
    if (data.label && (data.forceLabel || radius >= threshold))
      labels.push(
        `<text x="${round(at.x + radius + 3)}" y="${round(at.y + LABEL_FONT_PX / 3)}">${escapeXml(data.label)}</text>`,
      );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="${escapeXml(background)}"/>`,
    '<g class="edges">',
    ...edges,
    '</g>',
    '<g class="nodes">',
    ...circles,
    '</g>',
    `<g class="labels" font-family="sans-serif" font-size="${LABEL_FONT_PX}" fill="${escapeXml(labelColor)}">`,
    ...labels,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}

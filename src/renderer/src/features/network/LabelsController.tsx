/**
 * Render-null: the node labels, drawn by this controller instead of sigma's label grid so that
 * no two labels ever overlap on screen. After each frame the candidates (visible, on screen, big
 * enough for the labels setting) are taken in priority order — selected, hovered, highlighted
 * and forced (a focus's neighbourhood), then bigger nodes — and each is drawn only where it
 * collides with no label drawn before it, stays inside the canvas and clear of the overlays.
 * Long names are cut with an ellipsis; the hover box shows the full name. On large graphs
 * labels and edges hide while the camera moves, and labels while ForceAtlas2 runs.
 */
import { useEffect } from 'react';
import { drawDiscNodeLabel } from 'sigma/rendering';
import type { AppearanceState } from '../../graph/appearance';
import type { Explorer, SigmaInstance } from '../../state/explorer';
import { selectedNodeKeys } from '../../state/explorer-state';
import { useStore } from '../../state/store';
import { overlayRects } from './camera';
import { useSigma } from './sigma-context';
import { applySettings } from './sigma-settings';

export const LARGE_GRAPH_NODES = 2000;

const MAX_LABEL_CHARS = 24;
const CELL_PX = 64;
/** Room kept around a label, so two never touch. */
const LABEL_PAD_PX = 2;
const HOVER_PAD_PX = 5;

export type LabelBox = { key: string; x: number; y: number; width: number; height: number };
type Obstacle = LabelBox & { size?: number };

const drawnLabels = new WeakMap<SigmaInstance, LabelBox[]>();

/** The screen boxes (viewport pixels) of the labels drawn in the latest frame. */
export const labelBoxes = (sigma: SigmaInstance): LabelBox[] => drawnLabels.get(sigma) ?? [];

const truncateLabel = (label: string): string =>
  label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1).trimEnd()}…` : label;

type Candidate = { key: string; x: number; y: number; size: number; label: string; rank: number };

function collides(grid: Map<string, Obstacle[]>, b: LabelBox, minSize = 0): boolean {
  for (let cx = Math.floor(b.x / CELL_PX); cx <= Math.floor((b.x + b.width) / CELL_PX); cx++) {
    for (let cy = Math.floor(b.y / CELL_PX); cy <= Math.floor((b.y + b.height) / CELL_PX); cy++) {
      for (const o of grid.get(`${cx},${cy}`) ?? []) {
        if ((o.size ?? Infinity) < minSize) continue;
        if (
          b.x < o.x + o.width &&
          o.x < b.x + b.width &&
          b.y < o.y + o.height &&
          o.y < b.y + b.height
        )
          return true;
      }
    }
  }
  return false;
}

/**
 * Files `b` under the cells it covers within the canvas (`width` × `height`): labels are only
 * placed inside it, and a node zoomed far in would otherwise cover millions of cells.
 */
function insert(grid: Map<string, Obstacle[]>, b: Obstacle, width: number, height: number): void {
  const x0 = Math.max(0, Math.floor(b.x / CELL_PX));
  const x1 = Math.min(Math.floor(width / CELL_PX), Math.floor((b.x + b.width) / CELL_PX));
  const y0 = Math.max(0, Math.floor(b.y / CELL_PX));
  const y1 = Math.min(Math.floor(height / CELL_PX), Math.floor((b.y + b.height) / CELL_PX));
  for (let cx = x0; cx <= x1; cx++) {
    for (let cy = y0; cy <= y1; cy++) {
      const key = `${cx},${cy}`;
      const list = grid.get(key);
      if (list) list.push(b);
      else grid.set(key, [b]);
    }
  }
}

function drawLabels(
  sigma: SigmaInstance,
  explorer: Explorer,
  labels: AppearanceState['labels'],
): void {
  const out: LabelBox[] = [];
  drawnLabels.set(sigma, out);
  if (labels === 'none') return;
  const graph = sigma.getGraph();
  const large = graph.order > LARGE_GRAPH_NODES;
  const state = explorer.store.get();
  if (large && state.layoutRunning) return;
  if (large && (sigma.getCamera().isAnimated() || sigma.getMouseCaptor().isMoving)) return;
  const threshold = labels === 'all' ? 0 : large ? 8 : 5;
  const { width, height } = sigma.getDimensions();
  const selected = new Set(selectedNodeKeys(state));
  const hovered = state.hovered;
  const candidates: Candidate[] = [];
  graph.forEachNode((key) => {
    const data = sigma.getNodeDisplayData(key);
    if (!data || data.hidden || !data.label) return;
    const size = sigma.scaleSize(data.size);
    if (!data.forceLabel && size < threshold) return;
    const p = sigma.framedGraphToViewport(data);
    if (p.x < -size || p.x > width || p.y < -size || p.y > height + size) return;
    const rank = selected.has(key)
      ? 4
      : key === hovered
        ? 3
        : data.highlighted
          ? 2
          : data.forceLabel
            ? 1
            : 0;
    candidates.push({ key, x: p.x, y: p.y, size, label: data.label, rank });
  });
  candidates.sort((a, b) => b.rank - a.rank || b.size - a.size || a.key.localeCompare(b.key));
  // Labels keep off nodes at least as big as their own, so no label hides a bigger node.
  const discs = new Map<string, Obstacle[]>();
  graph.forEachNode((key) => {
    const data = sigma.getNodeDisplayData(key);
    if (!data || data.hidden) return;
    const r = sigma.scaleSize(data.size);
    const p = sigma.framedGraphToViewport(data);
    if (p.x < -r || p.x > width + r || p.y < -r || p.y > height + r) return;
    insert(
      discs,
      { key, x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r, size: r },
      width,
      height,
    );
  });
  const context = sigma.getCanvases().labels?.getContext('2d');
  if (!context) return;
  const settings = sigma.getSettings();
  const fontSize = settings.labelSize;
  context.font = `${settings.labelWeight} ${fontSize}px ${settings.labelFont}`;
  const grid = new Map<string, LabelBox[]>();
  for (const o of overlayRects(sigma)) {
    insert(
      grid,
      {
        key: '',
        x: o.left,
        y: o.top,
        width: o.right - o.left,
        height: o.bottom - o.top,
      },
      width,
      height,
    );
  }
  const color = settings.labelColor.color ?? '#000';
  for (const c of candidates) {
    // Highlighted nodes show their full name in sigma's hover box, a little larger.
    const boxed = c.rank >= 2;
    const text = boxed ? c.label : truncateLabel(c.label);
    const textWidth = context.measureText(text).width;
    const pad = boxed ? HOVER_PAD_PX : LABEL_PAD_PX;
    const box: LabelBox = {
      key: c.key,
      x: c.x + c.size + 3 - pad,
      y: c.y - fontSize / 2 - pad,
      width: textWidth + 2 * pad,
      height: fontSize + 2 * pad,
    };
    if (box.x < 0 || box.y < 0 || box.x + box.width > width || box.y + box.height > height)
      continue;
    if (collides(grid, box) || (!boxed && collides(discs, box, c.size))) continue;
    insert(grid, box, width, height);
    out.push(box);
    if (!boxed)
      drawDiscNodeLabel(
        context,
        { x: c.x, y: c.y, size: c.size, label: text, color },
        { ...settings, labelColor: { color } },
      );
  }
}

export function LabelsController({ explorer }: { explorer: Explorer }): null {
  const sigma = useSigma();
  const labels = useStore(explorer.store, (s) => s.appearance.labels);

  useEffect(() => {
    const graph = explorer.graph;
    let large: boolean | null = null;
    // Applied from the graph listener rather than through React state: during a bulk load sigma
    // is detached from the graph, so the switch re-indexes nothing and the load ends in one
    // full refresh instead of two.
    const update = (): void => {
      const now = graph.order > LARGE_GRAPH_NODES;
      if (now === large) return;
      large = now;
      applySettings(sigma, { renderLabels: false, hideLabelsOnMove: now, hideEdgesOnMove: now });
    };
    update();
    const draw = (): void => drawLabels(sigma, explorer, labels);
    sigma.on('afterRender', draw);
    sigma.refresh();
    graph.on('nodeAdded', update);
    graph.on('nodeDropped', update);
    graph.on('cleared', update);
    return () => {
      sigma.off('afterRender', draw);
      graph.off('nodeAdded', update);
      graph.off('nodeDropped', update);
      graph.off('cleared', update);
    };
  }, [sigma, explorer, labels]);

  return null;
}

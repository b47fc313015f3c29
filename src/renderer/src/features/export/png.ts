/**
 * PNG of the network as drawn. Sigma draws on several stacked canvases (edges, nodes, labels,
 * hovers); the image is those layers composited in page order over the theme's background.
 * The WebGL layers do not keep their drawing buffer, so the renderer is refreshed and the
 * layers are copied in the same task, before the browser clears them.
 */
export type SigmaLike = {
  refresh(): unknown;
  getCanvases(): Record<string, HTMLCanvasElement>;
};

/** Layers that hold no picture (sigma's mouse-capture layer). */
const SKIPPED_LAYERS = new Set(['mouse']);

function inPageOrder(canvases: HTMLCanvasElement[]): HTMLCanvasElement[] {
  return [...canvases].sort((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
}

function compositeLayers(
  layers: readonly HTMLCanvasElement[],
  background: string,
): HTMLCanvasElement {
  const width = Math.max(1, ...layers.map((c) => c.width));
  const height = Math.max(1, ...layers.map((c) => c.height));
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the image (no 2D canvas).');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, width, height);
  for (const layer of layers) {
    if (layer.width > 0 && layer.height > 0) ctx.drawImage(layer, 0, 0, width, height);
  }
  return out;
}

function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded.'))),
      'image/png',
    );
  });
}

export function sigmaToPng(sigma: SigmaLike, background: string): Promise<Blob> {
  sigma.refresh();
  const layers = Object.entries(sigma.getCanvases())
    .filter(([id]) => !SKIPPED_LAYERS.has(id))
    .map(([, canvas]) => canvas);
  return canvasToPng(compositeLayers(inPageOrder(layers), background));
}

/**
 * Where the window opens: the remembered bounds when they still show on one of the displays
 * (monitors change between sessions), otherwise a default size centred on the primary display.
 */
export type Rectangle = { x: number; y: number; width: number; height: number };
export type WindowPlacement = {
  bounds: Partial<Pick<Rectangle, 'x' | 'y'>> & Pick<Rectangle, 'width' | 'height'>;
  maximized: boolean;
};

export const DEFAULT_SIZE = { width: 1440, height: 900 } as const;
export const MIN_SIZE = { width: 960, height: 600 } as const;
/** How much of the title bar must be on a display for the window to count as visible. */
const VISIBLE_MARGIN = 80;

function overlaps(a: Rectangle, b: Rectangle): boolean {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width >= VISIBLE_MARGIN && height >= 1;
}

export function placeWindow(
  saved: { bounds: Rectangle; maximized: boolean } | undefined,
  workAreas: readonly Rectangle[],
): WindowPlacement {
  const primary = workAreas[0];
  const fallbackSize = {
    width: Math.min(DEFAULT_SIZE.width, primary?.width ?? DEFAULT_SIZE.width),
    height: Math.min(DEFAULT_SIZE.height, primary?.height ?? DEFAULT_SIZE.height),
  };
  if (!saved) return { bounds: fallbackSize, maximized: false };
  const width = Math.max(MIN_SIZE.width, saved.bounds.width);
  const height = Math.max(MIN_SIZE.height, saved.bounds.height);
  const titleBar = { x: saved.bounds.x, y: saved.bounds.y, width, height: 32 };
  if (workAreas.some((area) => overlaps(titleBar, area)))
    return {
      bounds: { x: saved.bounds.x, y: saved.bounds.y, width, height },
      maximized: saved.maximized,
    };
  return { bounds: fallbackSize, maximized: saved.maximized };
}

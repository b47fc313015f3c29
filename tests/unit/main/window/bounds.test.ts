import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, MIN_SIZE, placeWindow } from '../../../../src/main/window/bounds';

const laptop = { x: 0, y: 0, width: 1512, height: 944 };
const external = { x: 1512, y: 0, width: 2560, height: 1415 };

describe('window placement', () => {
  it('opens at the default size on first start', () => {
    expect(placeWindow(undefined, [laptop, external])).toEqual({
      bounds: { width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height },
      maximized: false,
    });
  });

  it('fits the default size to a small display', () => {
    const small = { x: 0, y: 0, width: 1280, height: 720 };
    expect(placeWindow(undefined, [small]).bounds).toEqual({ width: 1280, height: 720 });
  });

  it('restores remembered bounds that are still on a display', () => {
    const saved = { bounds: { x: 1700, y: 100, width: 1600, height: 1000 }, maximized: true };
    expect(placeWindow(saved, [laptop, external])).toEqual(saved);
  });

  it('falls back when the display it was on is gone, keeping the maximised state', () => {
    const saved = { bounds: { x: 1700, y: 100, width: 1600, height: 1000 }, maximized: true };
    expect(placeWindow(saved, [laptop])).toEqual({
      bounds: { width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height },
      maximized: true,
    });
  });

  it('never restores below the minimum size', () => {
    const saved = { bounds: { x: 10, y: 10, width: 200, height: 100 }, maximized: false };
    expect(placeWindow(saved, [laptop]).bounds).toEqual({ x: 10, y: 10, ...MIN_SIZE });
  });
});

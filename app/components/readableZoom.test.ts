import { describe, expect, it } from 'vitest';
import { READABLE_ZOOM, readableViewport } from './readableZoom';

describe('readableViewport', () => {
  it('never zooms out below the readable zoom, keeping the drawing centred', () => {
    const box = { x: 0, y: 0, width: 2000, height: 1500 };
    const v = readableViewport(box, box, { width: 400, height: 300 }, 0.05, 2);
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(v.x).toBeCloseTo(200 - 1000 * READABLE_ZOOM);
    expect(v.y).toBeCloseTo(150 - 750 * READABLE_ZOOM);
  });
  it('fits the larger box, centred on the drawing, up to the largest zoom', () => {
    const drawing = { x: 100, y: 50, width: 100, height: 50 };
    expect(readableViewport(drawing, drawing, { width: 400, height: 300 }, 0, 2)).toEqual({ x: 200 - 150 * 2, y: 150 - 75 * 2, zoom: 2 });
    const v = readableViewport(drawing, { x: 0, y: 0, width: 800, height: 600 }, { width: 1600, height: 1200 }, 0, 4);
    expect(v.zoom).toBe(2);
  });
});

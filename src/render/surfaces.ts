import { createCanvas, type Canvas, type CanvasRenderingContext2D } from 'canvas';
import { LruCache } from '../core/lru-cache.js';

/**
 * Canvases reused from image to image in a render worker, by size class: an image is drawn in
 * the top-left corner of a surface rounded up to 128 px each way, and the PNG encoder crops it.
 * Chart heights follow the number of points and equation sizes follow the TeX, so a canvas per
 * exact size meant a fresh 1–5 MB cairo surface for most images, and that churn fragmented
 * glibc's arenas: 3,000 `/logloss x=…` answers in one thread grew RSS by 165 MB with a canvas per
 * size, by 45 MB with these (measured here).
 */
const SIZE_STEP = 128;
const MAX_SURFACES = 4;
// A dropped canvas whose pixels were read keeps its cairo surface (see encodePngAndRelease).
const surfaces = new LruCache<string, Canvas>(MAX_SURFACES, (canvas) => {
  canvas.width = 1;
  canvas.height = 1;
});

/**
 * Glyph mode draws text with cairo's glyph cache instead of tracing each string as a path:
 * the same pixels here, and text is half of a chart's drawing time in the default 'path' mode
 * (29 labels: ~12 ms against ~8 ms for the whole chart).
 */
export const TEXT_DRAWING_MODE = 'glyph';

const roundUp = (pixels: number): number => Math.max(SIZE_STEP, Math.ceil(pixels / SIZE_STEP) * SIZE_STEP);

/** A canvas at least `width` x `height`, its transform reset; what lies outside that corner is stale. */
export function surfaceFor(width: number, height: number): Canvas {
  const key = `${roundUp(width)}x${roundUp(height)}`;
  let canvas = surfaces.get(key);
  if (!canvas) {
    canvas = createCanvas(roundUp(width), roundUp(height));
    (canvas.getContext('2d') as CanvasRenderingContext2D & { textDrawingMode: string }).textDrawingMode = TEXT_DRAWING_MODE;
    surfaces.set(key, canvas);
  }
  canvas.getContext('2d').setTransform(1, 0, 0, 1, 0, 0);
  return canvas;
}

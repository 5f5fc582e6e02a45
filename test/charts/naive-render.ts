import type { Canvas } from 'canvas';
import { View, parse, type Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * The plain Vega path, in this thread: compile, parse, a fresh View and canvas. Returns RGB
 * pixels and their alpha (the backgrounds are opaque, so cairo's premultiplied BGRA is plain BGR).
 */
export async function naivePixels(spec: Record<string, unknown>, scale: number): Promise<{ width: number; height: number; pixels: Buffer; alpha: Buffer }> {
  const vega = compile(spec as unknown as TopLevelSpec).spec as VegaSpec;
  const view = new View(parse(vega), { renderer: 'none' });
  const canvas = (await view.toCanvas(scale, { context: { textDrawingMode: 'glyph' } } as never)) as unknown as Canvas;
  view.finalize();
  const bgra = canvas.toBuffer('raw');
  const pixels = Buffer.alloc(canvas.width * canvas.height * 3);
  const alpha = Buffer.alloc(canvas.width * canvas.height);
  for (let i = 0, o = 0; i < bgra.length; i += 4, o += 3) {
    pixels[o] = bgra[i + 2] as number;
    pixels[o + 1] = bgra[i + 1] as number;
    pixels[o + 2] = bgra[i] as number;
    alpha[i / 4] = bgra[i + 3] as number;
  }
  return { width: canvas.width, height: canvas.height, pixels, alpha };
}

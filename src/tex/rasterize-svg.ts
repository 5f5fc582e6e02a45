import { createCanvas, loadImage } from 'canvas';
import { encodePngAndRelease } from '../charts/encode-png.js';
import { PALETTES, type Theme } from '../charts/theme.js';
import type { TypesetSvg } from './typeset-svg.js';

/** 9 px per ex is the x-height of ~20 px text: equations read at the size of the message text. */
const PX_PER_EX = 9;
const PADDING_PX = 12;

/**
 * MathJax SVG -> PNG on the theme's background (chat apps show images on their own background,
 * so a transparent PNG with dark glyphs would vanish on Discord's dark theme). node-canvas loads
 * SVG through librsvg; the SVG gets an explicit pixel size because librsvg has no "ex" unit.
 */
export async function rasterizeSvg(typeset: TypesetSvg, theme: Theme, scale: number): Promise<Uint8Array> {
  const palette = PALETTES[theme];
  const pxPerEx = PX_PER_EX * scale;
  const width = Math.ceil(typeset.widthEx * pxPerEx);
  const height = Math.ceil(typeset.heightEx * pxPerEx);
  const sized = typeset.svg
    .replace(/width="[\d.]+ex" height="[\d.]+ex"/, `width="${width}" height="${height}"`)
    .replaceAll('currentColor', palette.text);
  const image = await loadImage(Buffer.from(sized));
  const pad = PADDING_PX * scale;
  const canvas = createCanvas(width + 2 * pad, height + 2 * pad);
  const context = canvas.getContext('2d');
  context.fillStyle = palette.background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, pad, pad, width, height);
  // Frees librsvg's handle and the decoded surface now: in a worker thread node-canvas's
  // finalizers did not free them (+0.43 MB of RSS per equation, measured); src = '' clears both.
  image.onerror = () => undefined;
  image.src = '';
  return encodePngAndRelease(canvas);
}

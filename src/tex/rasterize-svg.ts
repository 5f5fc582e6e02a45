import { loadImage, type Image } from 'canvas';
import { encodePng } from '../render/encode-png.js';
import { surfaceFor } from '../render/surfaces.js';
import type { Theme } from '../core/render-jobs.js';
import { PALETTES } from '../render/palettes.js';
import type { TypesetSvg } from './typeset-svg.js';

/** 9 px per ex is the x-height of ~20 px text: equations read at the size of the message text. */
const PX_PER_EX = 9;
const PADDING_PX = 12;
/** Between stacked lines (the formula, then the user's numbers): about TeX's \\[6pt] at this size. */
const LINE_GAP_PX = 14;

async function load(typeset: TypesetSvg, colour: string, pxPerEx: number): Promise<{ image: Image; width: number; height: number }> {
  const width = Math.ceil(typeset.widthEx * pxPerEx);
  const height = Math.ceil(typeset.heightEx * pxPerEx);
  const sized = typeset.svg.replace(/width="[\d.]+ex" height="[\d.]+ex"/, `width="${width}" height="${height}"`).replaceAll('currentColor', colour);
  return { image: await loadImage(Buffer.from(sized)), width, height };
}

/**
 * MathJax SVGs -> one PNG, the lines stacked and centred, on the theme's background (chat apps
 * show images on their own background, so a transparent PNG with dark glyphs would vanish on
 * Discord's dark theme). node-canvas loads SVG through librsvg; each SVG gets an explicit pixel
 * size because librsvg has no "ex" unit.
 */
export async function rasterizeSvgs(lines: readonly TypesetSvg[], theme: Theme, scale: number): Promise<Uint8Array> {
  const palette = PALETTES[theme];
  const images = await Promise.all(lines.map((line) => load(line, palette.text, PX_PER_EX * scale)));
  const pad = PADDING_PX * scale;
  const gap = LINE_GAP_PX * scale;
  const width = Math.ceil(Math.max(...images.map((i) => i.width)) + 2 * pad);
  const height = Math.ceil(images.reduce((sum, i) => sum + i.height, 0) + gap * (images.length - 1) + 2 * pad);
  const canvas = surfaceFor(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = palette.background;
  context.fillRect(0, 0, width, height);
  let y = pad;
  for (const { image, width: w, height: h } of images) {
    context.drawImage(image, Math.round((width - w) / 2), y, w, h);
    y += h + gap;
    // Frees librsvg's handle and the decoded surface now: in a worker thread node-canvas's
    // finalizers did not free them (+0.43 MB of RSS per equation, measured); src = '' clears both.
    image.onerror = () => undefined;
    image.src = '';
  }
  return encodePng(canvas, width, height);
}

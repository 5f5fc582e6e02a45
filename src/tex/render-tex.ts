import type { Theme } from '../charts/theme.js';
import { rasterizeSvg } from './rasterize-svg.js';
import { typesetSvg } from './typeset-svg.js';

/** TeX -> PNG bytes; runs in a render worker because MathJax's typesetting is synchronous CPU work. */
export async function renderTexToPng(tex: string, theme: Theme, scale: number): Promise<Uint8Array> {
  return rasterizeSvg(typesetSvg(tex), theme, scale);
}

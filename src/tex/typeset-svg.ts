import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
// The packages register themselves when imported; naming them in `packages` is not enough.
import 'mathjax-full/js/input/tex/ams/AmsConfiguration.js';
import 'mathjax-full/js/input/tex/base/BaseConfiguration.js';
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { SVG } from 'mathjax-full/js/output/svg.js';

/** A TeX string MathJax could not typeset (an unknown macro, a missing brace). */
export class TexError extends Error {
  override readonly name = 'TexError';
}

/** An equation as MathJax's SVG: glyphs are paths, so rasterising needs no math fonts. */
export interface TypesetSvg {
  svg: string;
  /** Size in ex (MathJax's unit; the rasteriser picks pixels per ex). */
  widthEx: number;
  heightEx: number;
}

type MathDocument = ReturnType<typeof mathjax.document>;
let state: { adaptor: ReturnType<typeof liteAdaptor>; document: MathDocument } | undefined;

/**
 * One MathJax document per thread, created on first use (~40 ms). Only `base` and `ams` are
 * loaded: the derivations need nothing else, and packages such as `html` or `require` would
 * widen what a TeX string can do.
 */
function mathDocument(): NonNullable<typeof state> {
  if (state) return state;
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const document = mathjax.document('', {
    InputJax: new TeX({ packages: ['base', 'ams'] }),
    OutputJax: new SVG({ fontCache: 'local' }),
  });
  state = { adaptor, document };
  return state;
}

/** Display-style TeX -> SVG. Throws TexError where MathJax would draw its red error box. */
export function typesetSvg(tex: string): TypesetSvg {
  const { adaptor, document } = mathDocument();
  const node = document.convert(tex, { display: true });
  const svg = adaptor.innerHTML(node);
  const error = /data-mjx-error="([^"]*)"/.exec(svg);
  if (error) throw new TexError(`TeX error: ${error[1]} in ${tex}`);
  const size = /width="([\d.]+)ex" height="([\d.]+)ex"/.exec(svg);
  if (!size) throw new TexError(`MathJax returned an SVG without a size for ${tex}`);
  return { svg, widthEx: Number(size[1]), heightEx: Number(size[2]) };
}

import { formatNumber } from '../core/format.js';
import { unitAfter } from '../core/wording.js';
import type { Equation } from './derivation.js';

/** Points written out in full; longer lists show the first two, an ellipsis and the last. */
const MAX_WRITTEN = 4;

/** A number for TeX: 4 significant digits, 1.2e-7 as 1.2 \times 10^{-7}. */
export function texNumber(x: number): string {
  const text = formatNumber(x, 4);
  if (text === '∞') return '\\infty';
  if (text === '-∞') return '-\\infty';
  const exponent = /^(-?[\d.]+)e([+-]?\d+)$/.exec(text);
  if (!exponent) return text;
  return `${exponent[1]} \\times 10^{${Number(exponent[2])}}`;
}

/** A number for Unicode text: the minus sign, not a hyphen, as in the typeset image. */
export function uniNumber(x: number): string {
  return formatNumber(x, 4).replace(/^-/, '−');
}

/** The unit after a number in both renderings, singular when the number shows as 1 ("1 bit"). */
export function unitOf(x: number, plural: string): [string, string] {
  const word = unitAfter(uniNumber(x), plural);
  return [` \\text{ ${word}}`, ` ${word}`];
}

/** Both renderings of one number; negatives in parentheses where they follow an operator. */
export function num(x: number, wrapNegative = false): Equation {
  const tex = texNumber(x);
  const unicode = uniNumber(x);
  if (wrapNegative && x < 0) return { tex: `(${tex})`, unicode: `(${unicode})` };
  return { tex, unicode };
}

/** A number that takes an exponent: 1 \times 10^{-6} needs parentheses before ^{y}. */
export function texBase(x: number): string {
  const tex = texNumber(x);
  return tex.includes('\\times') || x < 0 ? `\\left(${tex}\\right)` : tex;
}

/** Indices to write out: all when few, else the first two and the last (an ellipsis between). */
export function writtenIndices(n: number): Array<number | 'ellipsis'> {
  if (n <= MAX_WRITTEN) return Array.from({ length: n }, (_, i) => i);
  return [0, 1, 'ellipsis', n - 1];
}

/** term_1 op term_2 op ... with the ellipsis rule; `op` is given in both renderings. */
export function joinTerms(n: number, term: (i: number) => Equation, op: Equation): Equation {
  const parts = writtenIndices(n).map((i) => (i === 'ellipsis' ? { tex: '\\cdots', unicode: '⋯' } : term(i)));
  return { tex: parts.map((p) => p.tex).join(` ${op.tex} `), unicode: parts.map((p) => p.unicode).join(` ${op.unicode} `) };
}

/** A sum of numbers written as a + b − c (a negative term changes the sign, not "+ −"). */
export function sumOf(values: ArrayLike<number>): Equation {
  const idx = writtenIndices(values.length);
  let tex = '';
  let unicode = '';
  idx.forEach((i, k) => {
    if (i === 'ellipsis') {
      tex += ' + \\cdots';
      unicode += ' + ⋯';
      return;
    }
    const x = values[i] as number;
    if (k === 0) {
      tex += texNumber(x);
      unicode += uniNumber(x);
    } else {
      tex += x < 0 ? ` - ${texNumber(-x)}` : ` + ${texNumber(x)}`;
      unicode += x < 0 ? ` − ${uniNumber(-x)}` : ` + ${uniNumber(x)}`;
    }
  });
  return { tex, unicode };
}

/** "a, b, c" per point, for steps that give one value per point. */
export function listOf(n: number, item: (i: number) => Equation): Equation {
  const parts = writtenIndices(n).map((i) => (i === 'ellipsis' ? { tex: '\\ldots', unicode: '…' } : item(i)));
  return { tex: parts.map((p) => p.tex).join(',\\quad '), unicode: parts.map((p) => p.unicode).join(',  ') };
}

/** Concatenates equation pieces; strings are used for both renderings. */
export function cat(...pieces: Array<Equation | string | [string, string]>): Equation {
  let tex = '';
  let unicode = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      tex += piece;
      unicode += piece;
    } else if (Array.isArray(piece)) {
      tex += piece[0];
      unicode += piece[1];
    } else {
      tex += piece.tex;
      unicode += piece.unicode;
    }
  }
  return { tex, unicode };
}

export const sub = (i: number): [string, string] => [`_{${i + 1}}`, subscriptDigits(i + 1)];

/** A point index as a superscript, for symbols that already carry a subscript (ℓ_MSE). */
export const sup = (i: number): [string, string] => [`^{(${i + 1})}`, `⁽${superscriptDigits(i + 1)}⁾`];

function superscriptDigits(n: number): string {
  return String(n).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)] as string);
}

function subscriptDigits(n: number): string {
  return String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)] as string);
}

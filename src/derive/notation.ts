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

/**
 * Printed characters per typeset line. Each stacked line adds height, so wrapping at 40 keeps every
 * topic's images within 6:1 up to 20 points (test/tex/equation-aspect.test.ts typesets them).
 */
const LINE_BUDGET = 40;

/** Rough printed width of TeX in characters: commands count as one glyph, fractions as their wider part. */
export function printedWidth(tex: string): number {
  return tex
    .replace(/\\[dt]?frac\{([^{}]*)\}\{([^{}]*)\}/g, (_m, a: string, b: string) => (a.length > b.length ? a : b))
    .replace(/\\text\{([^{}]*)\}/g, '$1')
    .replace(/\\(quad|qquad)/g, '   ')
    .replace(/\\(left|right|big|Big|,|;|!)/g, '')
    .replace(/\\(ln|log)/g, 'ln')
    .replace(/\\[a-zA-Z]+/g, 'x')
    .replace(/[{}^_\\]/g, '').length;
}

const linesOf = (e: Equation): Equation[] => e.lines ?? [e];

function fromLines(broken: Equation[]): Equation {
  if (broken.length === 1) return broken[0] as Equation;
  const lines = broken.map((l) => ({ tex: l.tex.trim(), unicode: l.unicode.trim() }));
  return { tex: lines.map((l) => l.tex).join(' '), unicode: lines.map((l) => l.unicode).join('\n'), lines };
}

/**
 * Parts joined by a separator, a new line started before a part that would overflow the line.
 * A sum's continuation line starts with its operator (`lead`); a list's line ends with its comma.
 * A part that is broken itself (see BREAK) keeps its breaks; an ellipsis never starts a line.
 */
function wrap(parts: Equation[], sep: Equation, lead?: Equation): Equation {
  const lines: Equation[] = [];
  let line: Equation | undefined;
  for (const part of parts) {
    const [first, ...rest] = linesOf(part) as [Equation, ...Equation[]];
    if (!line) line = first;
    else if (printedWidth(first.tex) > 3 && printedWidth(line.tex + sep.tex + first.tex) > LINE_BUDGET) {
      lines.push(lead ? line : { tex: line.tex + sep.tex.trimEnd(), unicode: line.unicode + sep.unicode.trimEnd() });
      line = lead ? { tex: lead.tex + first.tex, unicode: lead.unicode + first.unicode } : first;
    } else line = { tex: line.tex + sep.tex + first.tex, unicode: line.unicode + sep.unicode + first.unicode };
    for (const next of rest) {
      lines.push(line);
      line = next;
    }
  }
  if (line) lines.push(line);
  return fromLines(lines);
}

/** A line break inside one term, for a single formula too wide for a phone (cat keeps it). */
export const BREAK: Equation = { tex: '', unicode: '', lines: [{ tex: '', unicode: '' }, { tex: '', unicode: '' }] };

const ELLIPSIS = { tex: '\\cdots', unicode: '⋯' };

/** term_1 op term_2 op ... with the ellipsis rule, wrapped before an operator; `op` is given in both renderings. */
export function joinTerms(n: number, term: (i: number) => Equation, op: Equation): Equation {
  const parts = writtenIndices(n).map((i) => (i === 'ellipsis' ? ELLIPSIS : term(i)));
  return wrap(parts, { tex: ` ${op.tex} `, unicode: ` ${op.unicode} ` }, { tex: `${op.tex} `, unicode: `${op.unicode} ` });
}

/** A sum of numbers written as a + b − c (a negative term changes the sign, not "+ −"). */
export function sumOf(values: ArrayLike<number>): Equation {
  const parts: Equation[] = writtenIndices(values.length).map((i, k) => {
    if (i === 'ellipsis') return { tex: '+ \\cdots', unicode: '+ ⋯' };
    const x = values[i] as number;
    // Braced, a leading minus is a sign: after \big( TeX would space it as a binary minus.
    if (k === 0) return x < 0 ? { tex: `{${texNumber(x)}}`, unicode: uniNumber(x) } : num(x);
    return x < 0 ? { tex: `- ${texNumber(-x)}`, unicode: `− ${uniNumber(-x)}` } : { tex: `+ ${texNumber(x)}`, unicode: `+ ${uniNumber(x)}` };
  });
  return wrap(parts, { tex: ' ', unicode: ' ' });
}

/** "a, b, c" per point, for steps that give one value per point. */
export function listOf(n: number, item: (i: number) => Equation): Equation {
  const parts = writtenIndices(n).map((i) => (i === 'ellipsis' ? { tex: '\\ldots', unicode: '…' } : item(i)));
  return wrap(parts, { tex: ',\\quad ', unicode: ',  ' });
}

/**
 * Concatenates equation pieces; strings are used for both renderings. A broken piece keeps its
 * breaks: what comes before joins its first line, what comes after its last.
 */
export function cat(...pieces: Array<Equation | string | [string, string]>): Equation {
  const lines: Equation[] = [{ tex: '', unicode: '' }];
  for (const piece of pieces) {
    const e: Equation = typeof piece === 'string' ? { tex: piece, unicode: piece } : Array.isArray(piece) ? { tex: piece[0], unicode: piece[1] } : piece;
    linesOf(e).forEach((line, k) => {
      if (k > 0) lines.push({ tex: '', unicode: '' });
      const last = lines[lines.length - 1] as Equation;
      lines[lines.length - 1] = { tex: last.tex + line.tex, unicode: last.unicode + line.unicode };
    });
  }
  return fromLines(lines);
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

/** ln x, with parentheses around 1.2 \times 10^{-7}. */
export const lnOf = (x: number): Equation => ({ tex: `\\ln ${texBase(x)}`, unicode: `ln ${uniNumber(x)}` });

/** One point's y ln p + (1 − y) ln(1 − p) with its numbers: "1·ln 0.85 + 0·ln 0.15". */
export function bernoulliLogTerms(y: number, p1: number, p0: number): Equation {
  return cat(`${y}`, [' \\cdot ', '·'], lnOf(p1), ` + ${1 - y}`, [' \\cdot ', '·'], lnOf(p0));
}

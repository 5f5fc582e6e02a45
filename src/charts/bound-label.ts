import { MAX_DRAWN_CLASSES } from './chart-inputs.js';

/**
 * User text as a chart may draw it. node-canvas (pango) shapes a grapheme cluster in time that
 * grows faster than its length: a class name of "a" and 6,000 U+0301 took 0.37 s to draw in the
 * two /entropy charts, 20,000 took 3.4 s, 40,000 took 14 s (one render thread, measured here), and
 * a render thread cannot be stopped safely while it is inside the native call. So every label is
 * cut before any chart sees it; the brand makes a plain string a type error where a chart input
 * expects a label.
 */
export type ChartLabel = string & { readonly __boundLabel: unique symbol };

export const LABEL_LIMITS = {
  /**
   * User-perceived characters, the ellipsis included. The class axis cuts a label at 180 px
   * (Vega's default labelLimit), ~30 characters at 11 px, so more is never seen there; the axis
   * title `x = q(label)` shows the same.
   */
  graphemes: 32,
  /**
   * Combining marks on one base. Real scripts stack a few (Vietnamese 2, pointed Hebrew with
   * cantillation 3-4); more is "Zalgo" text, and each mark is shaped against all the others.
   */
  marksPerGrapheme: 8,
  /**
   * Code points in one grapheme. The longest emoji sequences Unicode recommends have 10 (a kiss
   * with two skin tones); a ZWJ chain or a run of Hangul jamo is otherwise one unbounded cluster.
   */
  codePointsPerGrapheme: 16,
  /**
   * Code points in a label: 18 family emoji, or 14 letters with 8 marks each. 24 classes of the
   * heaviest labels these limits allow drew as fast as 24 short names (~0.1 s warm, here).
   */
  codePoints: 128,
} as const;

export const ELLIPSIS = '…';

/** The most UTF-16 units the limits can keep: read no further, whatever the input's length. */
const READ_AHEAD = 2 * LABEL_LIMITS.codePoints + 2;
/** Controls and the bidi embeddings, overrides and isolates: they would reorder the text around a label in a title. */
const STRIPPED = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;
/** Lone surrogates: pango would draw a replacement box for each; one U+FFFD says the same. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
const MARK = /^\p{M}$/u;
const ZWJ = '\u200D';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** One cluster within the per-grapheme limits; a cut ZWJ chain loses its dangling joiner. */
function boundGrapheme(cluster: string): { text: string; cut: boolean } {
  let text = '';
  let codePoints = 0;
  let marks = 0;
  let cut = false;
  for (const codePoint of cluster) {
    const isMark = MARK.test(codePoint);
    if (codePoints === LABEL_LIMITS.codePointsPerGrapheme || (isMark && marks === LABEL_LIMITS.marksPerGrapheme)) {
      cut = true;
      if (codePoints === LABEL_LIMITS.codePointsPerGrapheme) break;
      continue;
    }
    text += codePoint;
    codePoints += 1;
    if (isMark) marks += 1;
  }
  if (cut) while (text.endsWith(ZWJ)) text = text.slice(0, -1);
  return { text, cut };
}

const codePointCount = (text: string): number => {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
};

/**
 * `text` within LABEL_LIMITS, ending in "…" when anything was cut. Reads at most READ_AHEAD units
 * of the input, so a 100,000-character label costs what a 258-character one does. `reserve`
 * keeps room (in graphemes and code points) for a suffix the caller adds.
 */
export function boundLabel(text: string, reserve = 0): ChartLabel {
  const maxGraphemes = LABEL_LIMITS.graphemes - reserve;
  const maxCodePoints = LABEL_LIMITS.codePoints - reserve;
  let cut = text.length > READ_AHEAD;
  let head = cut ? text.slice(0, READ_AHEAD) : text;
  if (cut && /[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  head = head.replace(LONE_SURROGATE, '\uFFFD').replace(STRIPPED, '');
  if (head === '') return (text === '' ? '' : ELLIPSIS) as ChartLabel;
  if (!cut && head.length <= maxGraphemes && PRINTABLE_ASCII.test(head)) return head as ChartLabel;
  const kept: string[] = [];
  let codePoints = 0;
  for (const { segment } of graphemes.segment(head)) {
    const grapheme = boundGrapheme(segment);
    const size = codePointCount(grapheme.text);
    if (kept.length === maxGraphemes || codePoints + size > maxCodePoints) {
      cut = true;
      break;
    }
    cut ||= grapheme.cut;
    kept.push(grapheme.text);
    codePoints += size;
  }
  if (!cut) return kept.join('') as ChartLabel;
  while (kept.length > 0 && (kept.length + 1 > maxGraphemes || codePoints + 1 > maxCodePoints)) codePoints -= codePointCount(kept.pop() as string);
  return `${kept.join('')}${ELLIPSIS}` as ChartLabel;
}

/**
 * The names of the classes a chart draws: the first MAX_DRAWN_CLASSES, each bounded, and still
 * distinct, since a chart groups its bars by name and two names cut to the same text would share
 * one bar. A clash gets the class's number. The rest are never drawn, so never read: an answer
 * may have 20,000 classes.
 */
export function chartLabels(all: readonly string[]): ChartLabel[] {
  const labels = all.slice(0, MAX_DRAWN_CLASSES);
  const seen = new Set<string>();
  return labels.map((label, i) => {
    let bounded: string = boundLabel(label);
    // Class i only ever tries numbers i+1, i+1+n, …: no two classes try the same suffix.
    for (let number = i + 1; seen.has(bounded); number += labels.length) {
      const suffix = ` #${number}`;
      bounded = `${boundLabel(label, suffix.length)}${suffix}`;
    }
    seen.add(bounded);
    return bounded as ChartLabel;
  });
}

import { messages } from '../messages.js';
import type { NumbersOption } from '../options.js';
import { asciiMinus, parseNumberToken } from '../parse-number.js';
import { err, ok } from '../result.js';
import { userError, type Parsed } from '../user-error.js';

/** How the user's tokens were read; the reply says which, so a surprise is visible. */
export type Reading = 'probabilities' | 'counts' | 'labels';

export interface DistributionInput {
  /** Class names: "1", "2", … for numbers, the user's labels otherwise. */
  labels: string[];
  q: number[];
  p?: number[];
  qReading: Reading;
  pReading?: Reading;
}

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?$|^[+-]?(?:nan|inf|infinity|∞)$/i;
/** Probabilities are expected to sum to 1 up to what typing 0.33,0.33,0.34 style rounding leaves. */
const SUMS_TO_ONE = 1e-6;

/**
 * What splitList leaves of a nested list: `[[0.1,0.2],[0.6,0.3]]` loses its outer brackets and
 * splits into `[0.1`, `0.2]`, `[0.6`, `0.3]`, which would otherwise be counted as four labels.
 */
const NESTED = /^[[({]|[\])}]$/;

function nestedList(name: string, tokens: readonly string[] | undefined): Parsed<void> {
  if (!tokens?.some((t) => NESTED.test(t))) return ok(undefined);
  return err(userError('nested-list', messages.nestedList(name, tokens.join(',')), name));
}

/** A pasted `−0.3` is a (negative) number, not a class named "−0.3". */
export function looksNumeric(tokens: readonly string[]): boolean {
  return tokens.every((t) => NUMERIC.test(asciiMinus(t)));
}

/**
 * `q=1,0,1,1` is a student's list of binary labels, not counts over four classes: only 0s and 1s,
 * more than two of them (`q=1,0` is a probability vector).
 */
function looksLikeBinaryLabels(tokens: readonly string[]): boolean {
  return tokens.length > 2 && tokens.every((t) => t === '0' || t === '1');
}

/** Numbers as probabilities (they sum to 1) or counts (anything else non-negative; normalised later). */
export function readNumbers(name: string, tokens: readonly string[]): Parsed<{ values: number[]; reading: Reading }> {
  const plain: NumbersOption = { name, kind: 'numbers', min: 0, placeholder: '', description: '' };
  const percent: NumbersOption = { ...plain, max: 1, probability: true };
  const values: number[] = [];
  for (const token of tokens) {
    const parsed = parseNumberToken(token, token.endsWith('%') ? percent : plain);
    if (!parsed.ok) {
      const what = 'probabilities, counts (numbers of at least 0) or labels';
      return err(parsed.error.code === 'out-of-range' ? userError('out-of-range', messages.outOfRange(name, token, what), name) : parsed.error);
    }
    values.push(parsed.value.value);
  }
  const sum = values.reduce((a, b) => a + b, 0);
  if (sum === 0) return err(userError('all-zero', messages.allZero(name), name));
  const isProbability = values.every((v) => v <= 1) && Math.abs(sum - 1) <= SUMS_TO_ONE;
  return ok({ values, reading: isProbability ? 'probabilities' : 'counts' });
}

function countLabels(tokens: readonly string[], classes: string[]): number[] {
  const counts = new Map<string, number>();
  for (const token of tokens) {
    if (!classes.includes(token)) classes.push(token);
    counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return classes.map((c) => counts.get(c) ?? 0);
}

/**
 * q (and p) as probabilities, counts, or labels to count (`q=red,red,green`). With labels, the
 * classes are ordered by first appearance, q's first; numeric p then follows that order.
 */
export function readDistributions(qTokens: readonly string[], pTokens?: readonly string[]): Parsed<DistributionInput> {
  for (const [name, tokens] of [['q', qTokens], ['p', pTokens]] as const) {
    const flat = nestedList(name, tokens);
    if (!flat.ok) return flat;
  }
  const qNumeric = looksNumeric(qTokens) && !looksLikeBinaryLabels(qTokens);
  const pNumeric = pTokens ? looksNumeric(pTokens) && !(looksLikeBinaryLabels(pTokens) && !qNumeric) : true;
  if (!qNumeric) {
    const labels: string[] = [];
    const qCounts = countLabels(qTokens, labels);
    if (pTokens && !pNumeric) {
      const pCounts = countLabels(pTokens, labels);
      const q = [...qCounts, ...Array<number>(labels.length - qCounts.length).fill(0)];
      return ok({ labels, q, p: pCounts, qReading: 'labels', pReading: 'labels' });
    }
    if (!pTokens) return ok({ labels, q: qCounts, qReading: 'labels' });
    const p = readNumbers('p', pTokens);
    if (!p.ok) return p;
    if (p.value.values.length !== labels.length) {
      return err(userError('length-mismatch', messages.classMismatch(pTokens.length, labels), 'p'));
    }
    return ok({ labels, q: qCounts, p: p.value.values, qReading: 'labels', pReading: p.value.reading });
  }
  const q = readNumbers('q', qTokens);
  if (!q.ok) return q;
  const labels = q.value.values.map((_, i) => String(i + 1));
  if (!pTokens) return ok({ labels, q: q.value.values, qReading: q.value.reading });
  if (!pNumeric) return err(userError('conflicting-options', messages.labelsNeedLabels(), 'p'));
  const p = readNumbers('p', pTokens);
  if (!p.ok) return p;
  if (p.value.values.length !== labels.length) {
    return err(userError('length-mismatch', messages.lengthMismatch('q', labels.length, 'p', p.value.values.length), 'p'));
  }
  return ok({ labels, q: q.value.values, p: p.value.values, qReading: q.value.reading, pReading: p.value.reading });
}

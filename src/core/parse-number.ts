import { messages } from './messages.js';
import type { NumbersOption } from './options.js';
import { err, ok } from './result.js';
import { userError, type Parsed } from './user-error.js';

/** Plain decimal or scientific notation; no hex, no "1_000", no "Infinity" (Number() accepts too much). */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(?:nan|inf|infinity|∞)$/i;
/**
 * Dashes pasted where a minus sign is meant: U+2212 (lossbot's own answers print it, so a student
 * copies it back), the en dash word processors substitute, and their hyphen and dash relatives.
 */
const MINUS_LIKE = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/** A number token with every minus-like dash as the ASCII `-` the grammar reads; anything else untouched. */
export function asciiMinus(token: string): string {
  return token.replace(MINUS_LIKE, '-');
}

export interface ParsedToken {
  value: number;
  percent: boolean;
}

/** What the option expects, in words, for error messages. */
export function describeNumbers(spec: NumbersOption): string {
  if (spec.probability) return 'probabilities from 0 to 1 (or percentages like 85%)';
  if (spec.min !== undefined && spec.max !== undefined) return `numbers from ${spec.min} to ${spec.max}`;
  if (spec.min !== undefined) return `numbers of at least ${spec.min}`;
  return 'numbers';
}

export function parseNumberToken(token: string, spec: NumbersOption): Parsed<ParsedToken> {
  const what = describeNumbers(spec);
  const isPercent = spec.probability === true && token.endsWith('%');
  const body = asciiMinus(isPercent ? token.slice(0, -1) : token);
  if (NON_FINITE.test(body)) return err(userError('not-finite', messages.notFinite(spec.name, token, what), spec.name));
  if (!NUMBER.test(body)) return err(userError('not-a-number', messages.notANumber(spec.name, token, what), spec.name));
  const parsed = Number(body);
  if (!Number.isFinite(parsed)) return err(userError('not-finite', messages.notFinite(spec.name, token, what), spec.name));
  // -0 would print as "0" but divide differently; the user meant zero.
  const value = (isPercent ? parsed / 100 : parsed) + 0;
  if (spec.probability && !isPercent && value > 1 && value <= 100) {
    return err(userError('looks-like-percent', messages.looksLikePercent(spec.name, token, value), spec.name));
  }
  if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
    return err(userError('out-of-range', messages.outOfRange(spec.name, token, what), spec.name));
  }
  return ok({ value, percent: isPercent });
}

/**
 * `p=0.85%` is almost always 0.85 with a stray percent sign, not 0.0085: a percentage below 1%
 * (other than 0%) is asked about, as a bare `85` is. Only for options declared as probabilities;
 * /entropy reads its own percentages and renormalises them.
 */
export function percentBelowOne(token: string, parsed: ParsedToken, spec: NumbersOption): Parsed<ParsedToken> {
  if (!parsed.percent || parsed.value <= 0 || parsed.value >= 0.01) return ok(parsed);
  return err(userError('percent-below-one', messages.percentBelowOne(spec.name, token, parsed.value), spec.name));
}

import type { AnyBase } from '../../loss/index.js';
import { messages } from '../messages.js';
import type { ParsedTokens } from '../options.js';
import { asciiMinus } from '../parse-number.js';
import { err, ok } from '../result.js';
import { userError, type Parsed } from '../user-error.js';

const EXPECTED = 'e, 2, 10 or any number above 1';
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * `base=` of /entropy: e, or any number above 1 (scipy.stats.entropy takes any base; below 1
 * every logarithm of a probability changes sign). The number is kept as the shortest decimal of
 * its float64, so `base=3.0` and `base=3` are both "base-3 units", and `base=2.0` is bits.
 */
export function readAnyBase(given: ParsedTokens | undefined): Parsed<AnyBase> {
  if (!given) return ok('e');
  const raw = given.rows ? JSON.stringify(given.rows).replaceAll('"', '') : given.tokens.join(',');
  const token = given.tokens.length === 1 && !given.rows ? asciiMinus(given.tokens[0] as string).trim() : raw;
  if (token.toLowerCase() === 'e') return ok('e');
  if (!DECIMAL.test(token)) {
    const notFinite = /^[+-]?(?:nan|inf|infinity|∞)$/i.test(token);
    return err(notFinite ? userError('not-finite', messages.notFinite('base', raw, EXPECTED), 'base') : userError('not-a-number', messages.notANumber('base', raw, EXPECTED), 'base'));
  }
  const value = Number(token);
  if (!Number.isFinite(value)) return err(userError('not-finite', messages.notFinite('base', raw, EXPECTED), 'base'));
  if (value <= 0) return err(userError('out-of-range', messages.baseNotPositive(raw), 'base'));
  if (value < 1) return err(userError('out-of-range', messages.baseBelowOne(raw), 'base'));
  if (value === 1) return err(userError('out-of-range', messages.baseIsOne(raw), 'base'));
  return ok(value === Math.E ? 'e' : (`${value}` as AnyBase));
}

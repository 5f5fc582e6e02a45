/** The bases with a name of their own, and the only ones /logloss takes. */
export type LogBase = 'e' | '2' | '10';

/**
 * Any base above 1: e, or a number as the shortest decimal that reads back as its float64 (`3`,
 * `16`, `1.5`; String(Number(text)) gives it). e, 2 and 10 are LogBase's own.
 */
export type AnyBase = 'e' | `${number}`;

export const LOG_BASES: readonly LogBase[] = ['e', '2', '10'];

/**
 * The unit of information in each base; the base-10 unit is the hartley (after R. V. L. Hartley,
 * 1928). Other bases have no common name, so the unit says its base: "base-3 units".
 */
export type Unit = 'nats' | 'bits' | 'hartleys' | `base-${string} units`;

/** Everything a named base stands for: its ln (to convert), the number b, its unit and how log_b is written. */
const BASES: Record<LogBase, { ln: number; value: number; unit: Unit; symbol: string }> = {
  e: { ln: 1, value: Math.E, unit: 'nats', symbol: 'ln' },
  '2': { ln: Math.LN2, value: 2, unit: 'bits', symbol: 'log₂' },
  '10': { ln: Math.LN10, value: 10, unit: 'hartleys', symbol: 'log₁₀' },
};

const SUBSCRIPT: Record<string, string> = { 0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', '.': '.' };

function named(base: AnyBase): LogBase | undefined {
  return base === 'e' || base === '2' || base === '10' ? base : undefined;
}

/** Nats to the requested base: log_b(x) = ln(x) / ln(b). Everything is computed in nats first. Infinity stays Infinity. */
export function toBase(nats: number, base: AnyBase): number {
  if (base === 'e') return nats;
  const known = named(base);
  return nats / (known ? BASES[known].ln : Math.log(Number(base)));
}

export function unitName(base: AnyBase): Unit {
  const known = named(base);
  return known ? BASES[known].unit : `base-${base} units`;
}

/** The number b itself (Math.E, 2, 10, 3, …): charts draw −log_b(q) with it. */
export function baseValue(base: AnyBase): number {
  return base === 'e' ? Math.E : Number(base);
}

/** log_b as people write it: ln, log₂, log₁₀, log₃, log₁.₅; a base in exponent notation as log_(1e+21). */
export function logSymbol(base: AnyBase): string {
  const known = named(base);
  if (known) return BASES[known].symbol;
  return /^[\d.]+$/.test(base) ? `log${[...base].map((ch) => SUBSCRIPT[ch] ?? ch).join('')}` : `log_(${base})`;
}

/** The base whose b is `value` (charts carry the number, not the name); e for a number that is no base. */
export function logBaseOfValue(value: number): AnyBase {
  const known = LOG_BASES.find((base) => BASES[base].value === value);
  if (known) return known;
  return value > 1 && value < Infinity ? `${value}` : 'e';
}

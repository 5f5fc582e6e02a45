export type LogBase = 'e' | '2' | '10';

export const LOG_BASES: readonly LogBase[] = ['e', '2', '10'];

/** The unit of information in each base; the base-10 unit is the hartley (after R. V. L. Hartley, 1928). */
export type Unit = 'nats' | 'bits' | 'hartleys';

/** Everything a base stands for, in one place: its ln (to convert), the number b, its unit and how log_b is written. */
const BASES: Record<LogBase, { ln: number; value: number; unit: Unit; symbol: 'ln' | 'log₂' | 'log₁₀' }> = {
  e: { ln: 1, value: Math.E, unit: 'nats', symbol: 'ln' },
  '2': { ln: Math.LN2, value: 2, unit: 'bits', symbol: 'log₂' },
  '10': { ln: Math.LN10, value: 10, unit: 'hartleys', symbol: 'log₁₀' },
};

/** Nats to the requested base: log_b(x) = ln(x) / ln(b). Everything is computed in nats first. Infinity stays Infinity. */
export function toBase(nats: number, base: LogBase): number {
  return base === 'e' ? nats : nats / BASES[base].ln;
}

export function unitName(base: LogBase): Unit {
  return BASES[base].unit;
}

/** The number b itself (Math.E, 2 or 10): charts draw −log_b(q) with it. */
export function baseValue(base: LogBase): number {
  return BASES[base].value;
}

/** log_b as people write it: ln, log₂, log₁₀. */
export function logSymbol(base: LogBase): 'ln' | 'log₂' | 'log₁₀' {
  return BASES[base].symbol;
}

/** The base whose b is `value` (charts carry the number, not the name); e for any other number. */
export function logBaseOfValue(value: number): LogBase {
  return LOG_BASES.find((base) => BASES[base].value === value) ?? 'e';
}

import type { Draft } from '../problem.js';
import type { Draw } from '../seeded-random.js';

/** One kind of problem: `key` is its letter in the problem id, so a key is never reused. */
export interface Template {
  key: string;
  draft(draw: Draw): Draft;
}

export const DECIMALS = 3;

/** The closing sentence of every question: which unit and how many decimals. */
export function askFor(unit: string, decimals = DECIMALS): string {
  const places = `${decimals} decimal${decimals === 1 ? '' : 's'}`;
  if (unit === 'bits') return `Give the answer in bits (log base 2) to ${places}.`;
  if (unit === 'nats') return `Give the answer in nats (natural log) to ${places}.`;
  return `Give the answer to ${places} (it has no unit).`;
}

export const list = (values: readonly number[]): string => values.map(String).join(', ');

/** n labels drawn 0 or 1; a batch always has both classes, so every slip (wrong-class among them) shows. */
export function labels(draw: Draw, n: number): number[] {
  const y = Array.from({ length: n }, () => draw.label());
  if (n > 1 && !y.includes(0)) y[0] = 0;
  if (n > 1 && !y.includes(1)) y[n - 1] = 1;
  return y;
}

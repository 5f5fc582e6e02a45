import { formatCount, formatNumber, formatPercent } from './format.js';

/** True when a number as printed is one: "1", "+1", "−1". 0.99997 nats printed as "1" is one too. */
function isOne(shown: string): boolean {
  return /^[+\-−]?1$/.test(shown);
}

/** "1 bit", "0.5 bits", "1 nat", "2 hartleys": the unit after a number as it is printed. */
export function unitAfter(shown: string, plural: string): string {
  return isOne(shown) && plural.endsWith('s') ? plural.slice(0, -1) : plural;
}

/** A printed number and its unit: `amount('1', 'bits')` is "1 bit". */
export function amount(shown: string, plural: string): string {
  return `${shown} ${unitAfter(shown, plural)}`;
}

/** "1 point", "2,000 points". */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

/**
 * A share as a person says it: a real percentage however small ("0.05%"), where a table column
 * may write "<0.1%". Two significant digits below 0.1%, as formatPercent gives three above.
 */
export function sharePercent(fraction: number): string {
  const pct = fraction * 100;
  return pct !== 0 && Math.abs(pct) < 0.1 ? `${formatNumber(pct, 2)}%` : formatPercent(fraction);
}

/**
 * Half a unit in the last asked decimal: every correctly rounded answer is within it. The 1 %
 * slack keeps a true value that ends in exactly 5 (0.1625 to 0.163) inside despite float64.
 */
export function toleranceFor(decimals: number): number {
  return 0.5 * 10 ** -decimals * 1.01;
}

/** Rounded to `decimals` places, as a person rounds (half away from zero). */
export function roundTo(x: number, decimals: number): number {
  const scale = 10 ** decimals;
  return (Math.sign(x) * Math.round(Math.abs(x) * scale)) / scale;
}

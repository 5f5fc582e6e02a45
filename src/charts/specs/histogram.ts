/** Rice's rule, 2·n^(1/3) bins, capped: 16 for 500 points, 40 from 8,000 on. Fewer bins keep small inputs from looking like noise. */
export const binCount = (n: number): number => Math.max(8, Math.min(40, Math.round(2 * Math.cbrt(n))));

export interface Bin {
  start: number;
  end: number;
  count: number;
  cls: string;
}

/**
 * Counts per bin and class, computed here in one typed-array pass so a million points become a
 * few dozen rows before anything is handed to Vega.
 */
export function binByClass(values: Float64Array, labels: Float64Array, lo: number, hi: number, bins: number): Bin[] {
  const width = (hi - lo) / bins || 1;
  const names = ['y = 1', 'y = 0', 'soft label'];
  const counts = names.map(() => new Float64Array(bins));
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    const bin = Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)));
    const label = labels[i] as number;
    const row = counts[label === 1 ? 0 : label === 0 ? 1 : 2] as Float64Array;
    row[bin] = (row[bin] as number) + 1;
  }
  const out: Bin[] = [];
  names.forEach((name, c) => {
    const row = counts[c] as Float64Array;
    if (row.every((v) => v === 0)) return;
    row.forEach((count, b) => out.push({ start: lo + b * width, end: lo + (b + 1) * width, count, cls: name }));
  });
  return out;
}

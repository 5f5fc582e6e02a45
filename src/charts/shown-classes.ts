import { MAX_DRAWN_CLASSES } from './chart-inputs.js';

/** Which classes an /entropy answer shows, in its chart and its table alike. */
export interface ShownClasses {
  /** Indices into q, in the order shown. */
  indices: number[];
  /** Classes left out, and the probability q they carry between them. */
  rest: { count: number; q: number };
}

/**
 * All classes in the user's order when they fit; otherwise the `max` likeliest under q, likeliest
 * first (ties in input order). The first 24 of 10,000 equal-count classes said nothing; the
 * likeliest ones, with what the rest weigh, say where the probability is.
 */
export function shownClasses(q: readonly number[], max = MAX_DRAWN_CLASSES): ShownClasses {
  if (q.length <= max) return { indices: q.map((_, i) => i), rest: { count: 0, q: 0 } };
  // 20,000 classes sort in a few milliseconds; the cut is rare and the answer is small.
  const indices = q.map((_, i) => i).sort((a, b) => (q[b] as number) - (q[a] as number) || a - b).slice(0, max);
  const kept = new Set(indices);
  // Summed directly, not as 1 − shown: 30 classes of 1e-5 would otherwise drown in rounding.
  const restQ = q.reduce((s, v, i) => (kept.has(i) ? s : s + v), 0);
  return { indices, rest: { count: q.length - max, q: restQ } };
}

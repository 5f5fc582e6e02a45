import type { ChartLabel } from './bound-label.js';
import type { ShownClasses } from './shown-classes.js';

/** Plain data in: the charts know nothing of the loss module or the commands. */

/** /entropy takes any base above 1, whose unit is named after it: "base-3 units". */
export type Unit = 'nats' | 'bits' | 'hartleys' | `base-${string} units`;

export interface LoglossChartInput {
  /** Labels: 0/1, or soft in [0, 1]. */
  y: Float64Array;
  /** Probability each point gave to its true class. */
  trueClassProb: Float64Array;
  /** Per-point loss in `unit`. */
  perPoint: Float64Array;
  /** The (weighted) mean loss in `unit`. */
  loss: number;
  unit: Unit;
  /** Math.E, 2 or 10: the curve is −log_b(q). */
  logBase: number;
  /** Present for /logloss x=…: the fitted model over the feature. */
  fit?: { x: Float64Array; coef: number; intercept: number };
}

/**
 * Classes drawn side by side before the bars get too thin to read; the charts say how many more
 * there are. The same as the answer's table rows (explain/table.ts), so both show the same classes.
 */
export const MAX_DRAWN_CLASSES = 20;

export interface EntropyChartInput {
  /**
   * The names of the classes drawn, `shown.indices` in order, from chartLabels(). q, p and the
   * parts cover every class, so `q.length` is the number of classes.
   */
  labels: ChartLabel[];
  /** Which classes are drawn (shownClasses(q)), and what the others weigh. */
  shown: ShownClasses;
  q: number[];
  p?: number[];
  /** Per class, in `unit`; cross-entropy terms may be Infinity. */
  contributions: { entropy: number[]; crossEntropy?: number[] };
  entropy: number;
  crossEntropy?: number;
  kl?: number;
  unit: Unit;
  logBase: number;
}

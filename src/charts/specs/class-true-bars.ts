import type { Theme } from '../../core/render-jobs.js';
import type { Unit } from '../chart-inputs.js';
import { expr } from './common.js';
import { MAX_BARS, worstFirstBarsSpec } from './worst-first-bars.js';

/** Plain data in: the multi-class points, their true classes by name and what each cost. */
export interface ClassBarsInput {
  /** The class names in column order. */
  classes: readonly string[];
  /** Each point's true class, an index into `classes`. */
  labels: Uint32Array;
  /** Probability each point gave to its true class. */
  trueClassProb: Float64Array;
  /** Per-point loss in `unit`. */
  perPoint: Float64Array;
  loss: number;
  unit: Unit;
  logBase: number;
}

/** Bars shown before one bar per point stops being readable, as the binary per-point chart. */
export const MAX_CLASS_BARS = MAX_BARS;

/**
 * Okabe and Ito's colour-blind-safe qualitative palette (2008), tuned a little brighter for the
 * dark background, its greens moved back so the first classes never look like the green mean rule; beyond eight classes the ordinal scale cycles through them and the bar's label
 * names the class. The range is fixed per theme: vega-lite 6 compiled a range given as a param into
 * a scale that read a dataset that does not exist ("Undefined data set name").
 */
const CLASS_COLOURS: Record<Theme, readonly string[]> = {
  light: ['#0072b2', '#e69f00', '#cc79a7', '#56b4e9', '#d55e00', '#b59a00', '#009e73', '#555555'],
  dark: ['#5ea8ff', '#ffa552', '#e79ccc', '#8fd3ff', '#ff7a45', '#f0e442', '#3fd0a4', '#c8c8c8'],
};

/**
 * One bar per point, worst first (worst-first-bars.ts), coloured by its true class. Class names are
 * data values and the colour domain a param, so every answer shares one skeleton (common.ts).
 */
export function classTrueBarsSpec(input: ClassBarsInput, theme: Theme): Record<string, unknown> {
  const cls = (i: number) => input.classes[input.labels[i] as number] ?? '';
  return worstFirstBarsSpec(input, theme, {
    label: (i) => `#${i + 1} ${cls(i)}`,
    cls,
    params: () => ({ class_domain: [...input.classes] }),
    color: { field: 'cls', type: 'nominal', title: 'true class', scale: { domain: expr('class_domain'), range: [...CLASS_COLOURS[theme]] }, legend: { labelLimit: 120, columns: 4 } },
    yAxis: { labelLimit: 140 },
  });
}

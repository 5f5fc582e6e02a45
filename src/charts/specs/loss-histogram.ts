import type { Theme } from '../../core/render-jobs.js';
import { PALETTES } from '../../render/palettes.js';
import { logSymbol, short } from '../format-label.js';
import type { LoglossChartInput } from '../chart-inputs.js';
import { classColor, expr, frame, presentClasses, signal } from './common.js';
import { binByClass, binCount, type Bin } from './histogram.js';

/** Classes as step outlines, not filled bars: two filled histograms hide each other, and a smoothed line invents shapes between bins. */
const STEP_LINE = { type: 'line', interpolate: 'step-after', strokeWidth: 2.5 };

export interface OutlineRow {
  edge: number;
  count: number;
  cls: string;
  /** The row that closes a class's last bin at its right edge; it counts no points of its own. */
  closing?: true;
}

/** Step-after rows: each bin's count from its left edge, and each class closed at its last bin's right edge. */
export function outline(bins: readonly Bin[]): OutlineRow[] {
  const rows: OutlineRow[] = bins.map((b) => ({ edge: b.start, count: b.count, cls: b.cls }));
  const last = new Map<string, Bin>();
  for (const b of bins) last.set(b.cls, b);
  for (const b of last.values()) rows.push({ edge: b.end, count: b.count, cls: b.cls, closing: true });
  return rows;
}
/** Vega's ticks on a square-root scale are evenly spaced in counts: crowded at the top, none near 0. */
const COUNT_AXIS = { field: 'count', type: 'quantitative', title: 'points (square-root scale)', scale: { type: 'sqrt' }, axis: { values: expr('count_ticks') } };

const NICE = [1, 1.5, 2, 3, 4, 5, 6, 8, 10];

/** The round number (1, 1.5, 2, 3, 4, 5, 6 or 8 times a power of ten) nearest to v in ratio, at most `max`. */
function roundTick(v: number, max: number): number {
  const power = 10 ** Math.floor(Math.log10(v));
  const candidates = NICE.map((m) => m * power).filter((c) => c <= max);
  return candidates.reduce((best, c) => (Math.abs(Math.log(c / v)) < Math.abs(Math.log(best / v)) ? c : best), candidates[0] ?? power);
}

/** Ticks about evenly spaced on the square-root scale (max·(k/4)²), each a round number. */
export function sqrtTicks(bins: ReadonlyArray<{ count: number }>): number[] {
  const max = bins.reduce((m, b) => Math.max(m, b.count), 0);
  const ticks = [0];
  for (let k = 1; k <= 4; k++) {
    const v = max * (k / 4) ** 2;
    if (v < 1) continue;
    const tick = roundTick(v, max);
    if (Number.isInteger(tick) && tick > (ticks[ticks.length - 1] as number)) ticks.push(tick);
  }
  return ticks;
}

/**
 * Large inputs: how the per-point losses are spread, by class (one mark per point would be a
 * smear). Infinite losses (a probability of exactly 0 for the true class) fall in the last bin;
 * the title says how many there were.
 */
export function lossHistogramSpec(input: LoglossChartInput, theme: Theme): Record<string, unknown> {
  const palette = PALETTES[theme];
  let max = 0;
  let infinite = 0;
  for (const v of input.perPoint) {
    if (v === Infinity) infinite++;
    else if (v > max) max = v;
  }
  const bins = binByClass(input.perPoint, input.y, 0, max || 1, binCount(input.perPoint.length));
  const n = input.perPoint.length.toLocaleString('en-US');
  const infiniteNote = infinite > 0 ? `; ${infinite.toLocaleString('en-US')} infinite, counted in the last bin` : '';
  return {
    ...frame(theme, 'the dashed line is the mean; the long tail on the right is the confident mistakes', {
      chart_title: `Per-point loss of ${n} points by true class: mean ${short(input.loss)} ${input.unit}${infiniteNote}`,
      x_title: `loss −${logSymbol(input.logBase)} q (${input.unit})`,
      class_legend: presentClasses(bins.map((b) => b.cls)),
      count_ticks: sqrtTicks(bins),
    }),
    layer: [
      {
        data: { values: outline(bins) },
        mark: STEP_LINE,
        encoding: {
          x: { field: 'edge', type: 'quantitative', title: signal('x_title') },
          y: COUNT_AXIS,
          color: classColor(theme, 'class_legend'),
        },
      },
      {
        data: { values: Number.isFinite(input.loss) ? [{ edge: input.loss }] : [] },
        mark: { type: 'rule', color: palette.rule, strokeWidth: 2, strokeDash: [6, 4] },
        encoding: { x: { field: 'edge', type: 'quantitative' } },
      },
    ],
  };
}

/** Large inputs: how the probabilities given to the true class are spread, by class. */
export function trueClassHistogramSpec(input: LoglossChartInput, theme: Theme): Record<string, unknown> {
  const bins = binByClass(input.trueClassProb, input.y, 0, 1, binCount(input.perPoint.length));
  return {
    ...frame(theme, 'mass near 0 is what drives the loss up', {
      chart_title: `Probability given to the true class, ${input.perPoint.length.toLocaleString('en-US')} points by class`,
      class_legend: presentClasses(bins.map((b) => b.cls)),
      count_ticks: sqrtTicks(bins),
    }),
    data: { values: outline(bins) },
    mark: STEP_LINE,
    encoding: {
      x: { field: 'edge', type: 'quantitative', title: 'probability given to the true class', scale: { domain: [0, 1] } },
      y: COUNT_AXIS,
      color: classColor(theme, 'class_legend'),
    },
  };
}

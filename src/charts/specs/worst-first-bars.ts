import type { Theme } from '../../core/render-jobs.js';
import { PALETTES } from '../../render/palettes.js';
import type { Unit } from '../chart-inputs.js';
import { logSymbol, short } from '../format-label.js';
import { frame } from './common.js';

/** Bars shown before one bar per point stops being readable. */
export const MAX_BARS = 30;
/** Pixels per bar: the chart grows with the number of bars instead of squeezing them. */
const BAR_STEP = 22;
/**
 * The losses are written in one column from q = 1, not at each bar's end: the mean rule sits at
 * b^(−mean) ≤ 1, and a label at the bar's end crossed it whenever a bar ended just left of it.
 */
const LABEL_AT = 1;

/** What every per-point bar chart shows: each point's probability for its true class and its loss. */
export interface WorstFirstPoints {
  trueClassProb: Float64Array;
  perPoint: Float64Array;
  loss: number;
  unit: Unit;
  logBase: number;
}

/** How one chart names its points and colours its bars (binary: y = 0/1; multi-class: the class names). */
export interface BarStyle {
  /** The bar's label on the y axis, for point `i` (0-based). */
  label(i: number): string;
  /** The colour field's value (the true class's name), for point `i`. */
  cls(i: number): string;
  /** The frame's params besides the title (common.ts: what differs from answer to answer), given the points shown. */
  params(shown: readonly number[]): Record<string, unknown>;
  /** The bars' colour encoding. */
  color: Record<string, unknown>;
  /** Extra y-axis settings (a longer label for class names). */
  yAxis?: Record<string, unknown>;
}

/**
 * One bar per point, worst first: the probability it gave to its true class, its loss written in a
 * column on the right, and a rule at b^(−mean loss): the single probability that would cost the mean.
 */
export function worstFirstBarsSpec(input: WorstFirstPoints, theme: Theme, style: BarStyle): Record<string, unknown> {
  const palette = PALETTES[theme];
  const n = input.perPoint.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (input.trueClassProb[a] as number) - (input.trueClassProb[b] as number) || a - b);
  const shown = order.slice(0, MAX_BARS);
  const bars = shown.map((i, rank) => ({
    point: style.label(i),
    rank,
    q: input.trueClassProb[i] as number,
    cls: style.cls(i),
    at: LABEL_AT,
    lossText: `${short(input.perPoint[i] as number)} ${input.unit}`,
  }));
  const equivalent = Math.pow(input.logBase, -input.loss);
  const which = n > shown.length ? `the ${shown.length} worst of ${n.toLocaleString('en-US')} points` : 'worst first';
  const x = { field: 'q', type: 'quantitative' };
  return {
    ...frame(
      theme,
      ['bar: the probability the point gave its true class; right: its loss', 'dashed line: the one probability that would cost the mean loss'],
      { chart_title: `Mean log loss ${short(input.loss)} ${input.unit} = −${logSymbol(input.logBase)}(${short(equivalent)}); ${which}`, ...style.params(shown) },
      { height: { step: BAR_STEP } },
    ),
    layer: [
      {
        data: { values: [{ q: equivalent }] },
        mark: { type: 'rule', color: palette.rule, strokeWidth: 2, strokeDash: [6, 4] },
        encoding: { x },
      },
      {
        data: { values: bars },
        encoding: {
          y: { field: 'point', type: 'nominal', sort: { field: 'rank', op: 'min' }, title: null, axis: { labelFontSize: 12, ...style.yAxis } },
          x: { ...x, scale: { domain: [0, 1.3] }, axis: { values: [0, 0.25, 0.5, 0.75, 1], format: '.2~f' }, title: 'probability given to the true class' },
        },
        layer: [
          { mark: { type: 'bar', cornerRadiusEnd: 3, height: { band: 0.7 } }, encoding: { color: style.color } },
          { mark: { type: 'text', align: 'left', dx: 8, fontSize: 11, color: palette.text }, encoding: { x: { field: 'at', type: 'quantitative' }, text: { field: 'lossText', type: 'nominal' } } },
        ],
      },
    ],
  };
}

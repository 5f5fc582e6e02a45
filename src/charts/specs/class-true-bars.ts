import type { Theme } from '../../core/render-jobs.js';
import { PALETTES } from '../../render/palettes.js';
import type { Unit } from '../chart-inputs.js';
import { logSymbol, short } from '../format-label.js';
import { expr, frame } from './common.js';

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
export const MAX_CLASS_BARS = 30;
const BAR_STEP = 22;
/** Losses written in one column from q = 1, as the binary chart does, so no label crosses the mean rule. */
const LABEL_AT = 1;

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
 * One bar per point, worst first: the probability it gave to its true class, coloured by that class,
 * its loss in a column on the right and a rule at b^(−mean loss). Class names are data values and
 * the colour domain a param, so every answer shares one skeleton (common.ts).
 */
export function classTrueBarsSpec(input: ClassBarsInput, theme: Theme): Record<string, unknown> {
  const palette = PALETTES[theme];
  const n = input.perPoint.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (input.trueClassProb[a] as number) - (input.trueClassProb[b] as number) || a - b);
  const shown = order.slice(0, MAX_CLASS_BARS);
  const bars = shown.map((i, rank) => ({
    point: `#${i + 1} ${input.classes[input.labels[i] as number] ?? ''}`,
    rank,
    q: input.trueClassProb[i] as number,
    cls: input.classes[input.labels[i] as number] ?? '',
    at: LABEL_AT,
    lossText: `${short(input.perPoint[i] as number)} ${input.unit}`,
  }));
  const equivalent = Math.pow(input.logBase, -input.loss);
  const which = n > shown.length ? `the ${shown.length} worst of ${n.toLocaleString('en-US')} points` : 'worst first';
  const colours = CLASS_COLOURS[theme];
  const x = { field: 'q', type: 'quantitative' };
  return {
    ...frame(
      theme,
      ['bar: the probability the point gave its true class; right: its loss', 'dashed line: the one probability that would cost the mean loss'],
      {
        chart_title: `Mean log loss ${short(input.loss)} ${input.unit} = −${logSymbol(input.logBase)}(${short(equivalent)}); ${which}`,
        class_domain: [...input.classes],
      },
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
          y: { field: 'point', type: 'nominal', sort: { field: 'rank', op: 'min' }, title: null, axis: { labelFontSize: 12, labelLimit: 140 } },
          x: { ...x, scale: { domain: [0, 1.3] }, axis: { values: [0, 0.25, 0.5, 0.75, 1], format: '.2~f' }, title: 'probability given to the true class' },
        },
        layer: [
          {
            mark: { type: 'bar', cornerRadiusEnd: 3, height: { band: 0.7 } },
            encoding: { color: { field: 'cls', type: 'nominal', title: 'true class', scale: { domain: expr('class_domain'), range: [...colours] }, legend: { labelLimit: 120, columns: 4 } } },
          },
          { mark: { type: 'text', align: 'left', dx: 8, fontSize: 11, color: palette.text }, encoding: { x: { field: 'at', type: 'quantitative' }, text: { field: 'lossText', type: 'nominal' } } },
        ],
      },
    ],
  };
}

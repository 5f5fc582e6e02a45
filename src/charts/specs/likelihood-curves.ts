import type { Theme } from '../../core/render-jobs.js';
import { PALETTES } from '../../render/palettes.js';
import { className, short } from '../format-label.js';
import { classColor, expr, frame, presentClasses } from './common.js';

/** The /derive bce picture's input: binary labels and the probability of class 1 for each point. */
export interface LikelihoodChartInput {
  y: Float64Array;
  p: Float64Array;
  loss: number;
}

const SAMPLES = 160;
const P_MIN = 0.005;
/** The loss axis stops here; −ln(0.005) = 5.3, and points beyond are drawn at the top edge. */
const LOSS_TOP = 5.5;

/**
 * For each class present: the likelihood of one point, p^y (1−p)^(1−y) (dashed), and its negative
 * log, the point's loss (solid), as functions of the prediction p, with the user's points on the
 * loss curve. Maximising the one is minimising the other.
 */
export function likelihoodCurvesSpec(input: LikelihoodChartInput, theme: Theme): Record<string, unknown> {
  const palette = PALETTES[theme];
  const classes = presentClasses(Array.from(input.y, className));
  const curves = classes.flatMap((cls) =>
    Array.from({ length: SAMPLES }, (_, i) => {
      const p = P_MIN + ((1 - 2 * P_MIN) * i) / (SAMPLES - 1);
      const likelihood = cls === 'y = 1' ? p : 1 - p;
      return [
        { p, value: likelihood, cls, curve: 'likelihood' },
        { p, value: Math.min(-Math.log(likelihood), LOSS_TOP), cls, curve: 'loss −ln' },
      ];
    }).flat(),
  );
  const points = Array.from(input.p, (p, i) => {
    const y = input.y[i] as number;
    const likelihood = y === 1 ? p : 1 - p;
    return { p, value: Math.min(-Math.log(Math.max(likelihood, Number.MIN_VALUE)), LOSS_TOP), cls: className(y), label: `#${i + 1}` };
  });
  const x = { field: 'p', type: 'quantitative', title: 'predicted probability of class 1 (p)', scale: { domain: [0, 1] } };
  const y = { field: 'value', type: 'quantitative', title: 'likelihood (dashed) and loss −ln (solid), nats', scale: { domain: [0, expr('loss_top')], nice: false } };
  return {
    ...frame(theme, 'dashed: the probability the model gives the observed label; solid: its negative log, the loss', {
      chart_title: `Likelihood up, loss down: your points average ${short(input.loss)} nats`,
      loss_top: LOSS_TOP,
      class_legend: classes,
    }),
    layer: [
      {
        data: { values: curves },
        mark: { type: 'line', strokeWidth: 2, clip: true },
        encoding: {
          x,
          y,
          color: classColor(theme, 'class_legend'),
          strokeDash: { field: 'curve', type: 'nominal', scale: { domain: ['loss −ln', 'likelihood'], range: [[1, 0], [6, 4]] }, legend: null },
          detail: { field: 'curve', type: 'nominal' },
        },
      },
      {
        data: { values: points },
        mark: { type: 'circle', size: 90, opacity: 1, stroke: palette.background, strokeWidth: 1.5 },
        encoding: { x: { field: 'p', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' }, color: classColor(theme, 'class_legend') },
      },
      {
        data: { values: points },
        mark: { type: 'text', align: 'left', dx: 8, dy: -8, fontSize: 12, color: palette.text },
        encoding: { x: { field: 'p', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}

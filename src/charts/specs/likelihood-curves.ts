import type { Theme } from '../../core/render-jobs.js';
import { PALETTES } from '../../render/palettes.js';
import { className, short } from '../format-label.js';
import { CLASS_NAMES, classColor, expr, frame, presentClasses } from './common.js';

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
/** Only the costliest points get their number: ten labels on one curve ran into each other ("#8#9#"). */
const LABELLED_POINTS = 3;
/** A label right of this p would run past the plot's right edge, so it reads leftwards from its point. */
const LABEL_LEFT_ABOVE = 0.8;

/**
 * For each class present: the likelihood of one point, p^y (1−p)^(1−y) (dashed, left axis, a
 * probability), and its negative log, the point's loss (solid, right axis, nats), as functions of the
 * prediction p, with the user's points on the loss curve. Maximising the one is minimising the
 * other. The two quantities have their own scales: a probability is not measured in nats.
 */
export function likelihoodCurvesSpec(input: LikelihoodChartInput, theme: Theme): Record<string, unknown> {
  const palette = PALETTES[theme];
  const classes = presentClasses(Array.from(input.y, className));
  const grid = Array.from({ length: SAMPLES }, (_, i) => P_MIN + ((1 - 2 * P_MIN) * i) / (SAMPLES - 1));
  const of = (cls: string, p: number) => (cls === 'y = 1' ? p : 1 - p);
  // One line layer per class, empty when the class is absent: the lines cross at p = 0.5, and a
  // fixed layer order draws the crossing alike whichever chart a reused View drew before.
  const curveLayers = (mark: Record<string, unknown>, value: (cls: string, p: number) => number) =>
    CLASS_NAMES.map((cls) => ({
      data: { values: classes.includes(cls) ? grid.map((p) => ({ p, value: value(cls, p), cls })) : [] },
      mark: { type: 'line', strokeWidth: 2, clip: true, ...mark },
      encoding: { color: classColor(theme, 'class_legend') },
    }));
  const points = Array.from(input.p, (p, i) => {
    const y = input.y[i] as number;
    const likelihood = y === 1 ? p : 1 - p;
    const loss = -Math.log(Math.max(likelihood, Number.MIN_VALUE));
    return { p, loss, value: Math.min(loss, LOSS_TOP), cls: className(y), label: `#${i + 1}`, order: i };
  });
  const labelled = [...points].sort((a, b) => b.loss - a.loss || a.order - b.order).slice(0, LABELLED_POINTS);
  const labelRows = (leftwards: boolean) => labelled.filter((pt) => pt.p > LABEL_LEFT_ABOVE === leftwards).map(({ p, value, label }) => ({ p, value, label }));
  const x = { field: 'p', type: 'quantitative', title: 'predicted probability of class 1 (p)', scale: { domain: [0, 1] } };
  const lossY = { field: 'value', type: 'quantitative', title: 'loss −ln, nats (solid)', scale: { domain: [0, expr('loss_top')], nice: false }, axis: { orient: 'right', grid: false } };
  const at = { x: { field: 'p', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' } };
  const label = { type: 'text', dy: -9, fontSize: 12, color: palette.text };
  const text = { ...at, text: { field: 'label', type: 'nominal' } };
  return {
    ...frame(theme, 'dashed, left axis: the probability the model gives the observed label; solid, right axis: its negative log, the loss', {
      chart_title: `Likelihood up, loss down: your points average ${short(input.loss)} nats`,
      loss_top: LOSS_TOP,
      class_legend: classes,
    }),
    layer: [
      {
        encoding: { x, y: { field: 'value', type: 'quantitative', title: 'likelihood, a probability (dashed)', scale: { domain: [0, 1] } } },
        layer: curveLayers({ strokeDash: [6, 4] }, of),
      },
      {
        encoding: { x, y: lossY },
        layer: [
          ...curveLayers({}, (cls, p) => Math.min(-Math.log(of(cls, p)), LOSS_TOP)),
          {
            data: { values: points.map(({ p, value, cls, label }) => ({ p, value, cls, label })) },
            mark: { type: 'circle', size: 90, opacity: 1, stroke: palette.background, strokeWidth: 1.5 },
            encoding: { ...at, color: classColor(theme, 'class_legend') },
          },
          { data: { values: labelRows(false) }, mark: { ...label, align: 'left', dx: 8 }, encoding: text },
          { data: { values: labelRows(true) }, mark: { ...label, align: 'right', dx: -8 }, encoding: text },
        ],
      },
    ],
    resolve: { scale: { y: 'independent' } },
  };
}

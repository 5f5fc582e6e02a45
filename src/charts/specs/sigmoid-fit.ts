import { sigmoid } from '../../loss/sigmoid.js';
import type { Theme } from '../../core/render-jobs.js';
import { PALETTES } from '../../render/palettes.js';
import { className, short } from '../format-label.js';
import type { LoglossChartInput } from '../chart-inputs.js';
import { classColor, expr, frame, presentClasses } from './common.js';
import { binCount } from './histogram.js';

const CURVE_SAMPLES = 200;
/** Above this many points single marks blur into a band; the curve is drawn alone. */
export const MAX_FIT_POINTS = 200;

/**
 * (c) The fitted sigmoid over x, the points at 0 and 1 coloured by class, and for each point a bar
 * as long as the probability of its true class: from 0 up to the curve for y = 1, from the curve
 * up to 1 for y = 0 (the visual explanation's picture: the bar is what the model got right).
 */
export function sigmoidFitSpec(input: LoglossChartInput, theme: Theme): Record<string, unknown> {
  const fit = input.fit;
  if (!fit) throw new Error('sigmoidFitSpec needs a fit');
  const palette = PALETTES[theme];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of fit.x) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const pad = (hi - lo) * 0.08 || 1;
  const curve = Array.from({ length: CURVE_SAMPLES }, (_, i) => {
    const x = lo - pad + ((hi - lo + 2 * pad) * i) / (CURVE_SAMPLES - 1);
    return { x, p: sigmoid(fit.coef * x + fit.intercept) };
  });
  const drawPoints = fit.x.length <= MAX_FIT_POINTS;
  const points = drawPoints
    ? Array.from(fit.x, (x, i) => {
        const y = input.y[i] as number;
        const p = sigmoid(fit.coef * x + fit.intercept);
        return { x, y, cls: className(y), from: y === 1 ? 0 : p, to: y === 1 ? p : 1 };
      })
    : [];
  const shares = drawPoints ? [] : shareOfPositives(fit.x, input.y, lo, hi);
  const sign = fit.intercept < 0 ? '−' : '+';
  const subtitle = drawPoints
    ? 'bar = probability given to the true class: 0 up to the curve for y = 1, the curve up to 1 for y = 0'
    : `dots: the share of y = 1 among the points in each of ${shares.length} x ranges; a good fit runs through them`;
  const x = { field: 'x', type: 'quantitative' };
  // The rules and the circles share one legend; plain opaque circles read better than their blend.
  const color = drawPoints ? classColor(theme, 'class_legend', { symbolType: 'circle', symbolOpacity: 1, symbolStrokeWidth: 0 }) : { ...classColor(theme, 'class_legend'), legend: null };
  return {
    ...frame(theme, subtitle, {
      chart_title: `Fitted p = σ(${short(fit.coef)}·x ${sign} ${short(Math.abs(fit.intercept))}); mean log loss ${short(input.loss)} ${input.unit}`,
      x_lo: lo - pad,
      x_hi: hi + pad,
      class_legend: presentClasses(points.map((p) => p.cls)),
    }),
    layer: [
      {
        data: { values: curve },
        mark: { type: 'line', color: palette.curve, strokeWidth: 2 },
        encoding: {
          x: { ...x, title: 'x', scale: { domain: [expr('x_lo'), expr('x_hi')], nice: false } },
          y: { field: 'p', type: 'quantitative', title: 'P(y = 1 | x)', scale: { domain: [-0.05, 1.05], nice: false }, axis: { values: [0, 0.25, 0.5, 0.75, 1], format: '.2~f' } },
        },
      },
      {
        data: { values: points },
        layer: [
          {
            mark: { type: 'rule', strokeWidth: 4, opacity: 0.6 },
            encoding: { x, y: { field: 'from', type: 'quantitative' }, y2: { field: 'to' }, color },
          },
          {
            mark: { type: 'circle', size: 80, opacity: 1, stroke: palette.background, strokeWidth: 1 },
            encoding: { x, y: { field: 'y', type: 'quantitative' }, color },
          },
        ],
      },
      {
        data: { values: shares },
        mark: { type: 'circle', size: 70, opacity: 1, color: palette.rule, stroke: palette.background, strokeWidth: 1 },
        encoding: { x, y: { field: 'share', type: 'quantitative' } },
      },
    ],
  };
}

/** Large inputs: the observed share of y = 1 per x range, one typed-array pass (soft labels count by their value). */
export function shareOfPositives(xs: Float64Array, ys: Float64Array, lo: number, hi: number): Array<{ x: number; share: number; n: number }> {
  const bins = binCount(xs.length);
  const width = (hi - lo) / bins || 1;
  const sum = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (let i = 0; i < xs.length; i++) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(((xs[i] as number) - lo) / width)));
    sum[b] = (sum[b] as number) + (ys[i] as number);
    count[b] = (count[b] as number) + 1;
  }
  const out: Array<{ x: number; share: number; n: number }> = [];
  for (let b = 0; b < bins; b++) {
    const n = count[b] as number;
    if (n > 0) out.push({ x: lo + (b + 0.5) * width, share: (sum[b] as number) / n, n });
  }
  return out;
}

import type { Theme } from '../../core/render-jobs.js';
import { PALETTES } from '../../render/palettes.js';
import { short } from '../format-label.js';
import type { EntropyChartInput } from '../chart-inputs.js';
import { expr, frame, signal } from './common.js';

const SAMPLES = 201;
const ENTROPY = 'entropy H(x)';
const CROSS = 'cross-entropy Hₚ(x)';
/** The user's q right of this puts its labels on the left of the point, inside the plot. */
const LABELS_LEFT_ABOVE = 0.6;

/**
 * (e) Two classes: the binary entropy H(x) over x = q(first class), the user's q on it, and with p
 * the cross-entropy line Hₚ(x) = −x·log p₁ − (1−x)·log p₂, tangent to H where x = p₁: the gap
 * at the user's q is the KL divergence.
 */
export function binaryEntropyCurveSpec(input: EntropyChartInput, theme: Theme): Record<string, unknown> {
  const palette = PALETTES[theme];
  const log = (v: number) => Math.log(v) / Math.log(input.logBase);
  const h = (x: number) => (x <= 0 || x >= 1 ? 0 : -(x * log(x) + (1 - x) * log(1 - x)));
  const first = input.labels[0] ?? '1';
  const curve = Array.from({ length: SAMPLES }, (_, i) => {
    const x = i / (SAMPLES - 1);
    return { x, value: h(x), series: ENTROPY };
  });
  const p1 = input.p?.[0];
  const p2 = input.p?.[1];
  const hasP = p1 !== undefined && p2 !== undefined;
  const crossFinite = hasP && p1 > 0 && p2 > 0;
  const cross = crossFinite ? [0, 1].map((x) => ({ x, value: -x * log(p1) - (1 - x) * log(p2), series: CROSS })) : [];
  const q1 = input.q[0] as number;
  const top = Math.max(log(2) * 1.15, ...cross.map((c) => c.value).filter((v) => v < log(2) * 3));
  const crossAtQ = crossFinite && input.crossEntropy !== undefined && Number.isFinite(input.crossEntropy) ? input.crossEntropy : undefined;
  const left = q1 > LABELS_LEFT_ABOVE;
  // The H label goes under the point (inside the curve), unless the point sits on the x axis.
  const hDy = input.entropy < top * 0.12 ? -12 : 16;
  const title = !hasP
    ? `Binary entropy H(q) = ${short(input.entropy)} ${input.unit} at your q = ${short(q1)}`
    : crossAtQ !== undefined
      ? `H(q) = ${short(input.entropy)}, Hₚ(q) = ${short(crossAtQ)}: the gap is KL = ${short(input.kl ?? NaN)} ${input.unit}`
      : `H(q) = ${short(input.entropy)} ${input.unit}; p gives a class probability 0, so Hₚ(q) = ∞`;
  const subtitle = crossFinite
    ? ['solid: H(x) for every x = probability of the first class', 'dashed: the cross-entropy with your p, touching H at x = p; green: the gap, KL']
    : 'H(x) for every x = probability of the first class; largest at x = 0.5';
  const x = { field: 'x', type: 'quantitative' };
  const y = { field: 'value', type: 'quantitative' };
  const series = { domain: [ENTROPY, CROSS] };
  const label = { type: 'text', align: expr('label_align'), dx: expr('label_dx'), fontSize: 12, color: palette.text };
  return {
    ...frame(theme, subtitle, {
      chart_title: title,
      x_title: `x = q(${first})`,
      y_title: input.unit,
      y_top: top,
      series_legend: crossFinite ? [ENTROPY, CROSS] : [ENTROPY],
      label_align: left ? 'right' : 'left',
      label_dx: left ? -11 : 11,
      h_dy: hDy,
    }),
    layer: [
      {
        data: { values: [...curve, ...cross] },
        mark: { type: 'line', strokeWidth: 2, clip: true },
        encoding: {
          x: { ...x, title: signal('x_title'), scale: { domain: [0, 1] } },
          y: { ...y, title: signal('y_title'), scale: { domain: [0, expr('y_top')], nice: false } },
          color: { field: 'series', type: 'nominal', title: null, scale: { ...series, range: [palette.curve, palette.negative] }, legend: { values: expr('series_legend') } },
          strokeDash: { field: 'series', type: 'nominal', title: null, scale: { ...series, range: [[1, 0], [6, 4]] }, legend: { values: expr('series_legend') } },
        },
      },
      {
        data: { values: crossAtQ !== undefined ? [{ x: q1, value: input.entropy, to: Math.min(crossAtQ, top) }] : [] },
        mark: { type: 'rule', color: palette.rule, strokeWidth: 3 },
        encoding: { x, y, y2: { field: 'to' } },
      },
      {
        data: { values: [{ x: q1, value: input.entropy }, ...(crossAtQ !== undefined ? [{ x: q1, value: Math.min(crossAtQ, top) }] : [])] },
        mark: { type: 'circle', size: 110, opacity: 1, color: palette.positive, stroke: palette.background, strokeWidth: 1.5 },
        encoding: { x, y },
      },
      {
        data: { values: [{ x: q1, value: input.entropy, text: `your q: H = ${short(input.entropy)}` }] },
        mark: { ...label, dy: expr('h_dy') },
        encoding: { x, y, text: { field: 'text', type: 'nominal' } },
      },
      {
        data: { values: crossAtQ !== undefined ? [{ x: q1, value: Math.min(crossAtQ, top), text: `Hₚ = ${short(crossAtQ)}` }] : [] },
        mark: { ...label, dy: -10 },
        encoding: { x, y, text: { field: 'text', type: 'nominal' } },
      },
    ],
  };
}

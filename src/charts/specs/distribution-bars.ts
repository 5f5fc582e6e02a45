import type { Theme } from '../../core/render-jobs.js';
import { PALETTES } from '../../render/palettes.js';
import { short } from '../format-label.js';
import { MAX_DRAWN_CLASSES, type EntropyChartInput } from '../chart-inputs.js';
import { expr, frame, signal } from './common.js';

/** Above this many classes the names are slanted so they do not run into each other. */
const SLANT_ABOVE = 8;
/** An infinite part is drawn this much taller than the tallest finite one, labelled ∞. */
const INFINITE_HEADROOM = 1.25;

const Q = 'q (true)';
const P = 'p (predicted)';
const H = 'H(q) part';
const HP = 'H_p(q) part';

/**
 * (d) q and p side by side per class, and below them each class's part of H(q) and H_p(q).
 * Class names are data values, never spliced into an expression.
 */
export function distributionBarsSpec(input: EntropyChartInput, theme: Theme): Record<string, unknown> {
  const palette = PALETTES[theme];
  const classes = input.labels.slice(0, MAX_DRAWN_CLASSES);
  const hasP = input.p !== undefined;
  const probabilities = classes.flatMap((label, i) => [
    { label, order: i, series: Q, value: input.q[i] as number },
    ...(hasP ? [{ label, order: i, series: P, value: input.p?.[i] as number }] : []),
  ]);
  const finiteParts = [...input.contributions.entropy, ...(input.contributions.crossEntropy ?? [])].filter(Number.isFinite);
  const cap = Math.max(0.1, ...finiteParts) * INFINITE_HEADROOM;
  let capped = 0;
  // With many classes the numbers over the bars run into each other; only ∞ keeps its label.
  const partText = (v: number) => (classes.length <= SLANT_ABOVE || !Number.isFinite(v) ? short(v) : '');
  const parts = classes.flatMap((label, i) => {
    const rows = [{ label, order: i, series: H, value: input.contributions.entropy[i] as number, text: partText(input.contributions.entropy[i] as number) }];
    if (input.contributions.crossEntropy) {
      const v = input.contributions.crossEntropy[i] as number;
      if (!Number.isFinite(v)) capped++;
      rows.push({ label, order: i, series: HP, value: Number.isFinite(v) ? v : cap, text: partText(v) });
    }
    return rows;
  });
  const more = input.q.length > classes.length ? `; first ${classes.length} of ${input.q.length} classes` : '';
  const cut = capped > 0 ? '; an ∞ bar is cut off' : '';
  const title = hasP
    ? `H(q) = ${short(input.entropy)}, H_p(q) = ${short(input.crossEntropy ?? NaN)}, KL = ${short(input.kl ?? NaN)} ${input.unit}${cut}${more}`
    : `Entropy H(q) = ${short(input.entropy)} ${input.unit}${more}`;
  const { width: _width, height: _height, ...base } = frame(theme, `top: q${hasP ? ' and p' : ''} per class; bottom: each class's part of H(q)${hasP ? ' and H_p(q)' : ''}`, {
    chart_title: title,
    label_angle: classes.length > SLANT_ABOVE ? -40 : 0,
    part_title: `part (${input.unit})`,
  });
  const probabilitySeries = hasP ? [Q, P] : [Q];
  const partSeries = input.contributions.crossEntropy ? [H, HP] : [H];
  const xEncoding = { field: 'label', type: 'nominal', sort: { field: 'order', op: 'min' }, title: 'class', axis: { labelAngle: expr('label_angle') } };
  return {
    ...base,
    vconcat: [
      {
        width: 560,
        height: 170,
        data: { values: probabilities },
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: {
          x: xEncoding,
          xOffset: { field: 'series', type: 'nominal', scale: { domain: probabilitySeries } },
          y: { field: 'value', type: 'quantitative', title: 'probability', scale: { domain: [0, 1] } },
          color: { field: 'series', type: 'nominal', title: null, scale: { domain: probabilitySeries, range: [palette.positive, palette.negative] } },
        },
      },
      {
        width: 560,
        height: 150,
        data: { values: parts },
        encoding: {
          x: xEncoding,
          xOffset: { field: 'series', type: 'nominal', scale: { domain: partSeries } },
          y: { field: 'value', type: 'quantitative', title: signal('part_title'), scale: { domainMin: 0 } },
        },
        layer: [
          {
            mark: { type: 'bar', cornerRadiusEnd: 2, opacity: 0.75 },
            encoding: { color: { field: 'series', type: 'nominal', title: null, scale: { domain: partSeries, range: [palette.positive, palette.negative] } } },
          },
          { mark: { type: 'text', dy: -6, fontSize: 10, color: palette.muted }, encoding: { text: { field: 'text', type: 'nominal' } } },
        ],
      },
    ],
    resolve: { scale: { color: 'independent', xOffset: 'independent' } },
  };
}

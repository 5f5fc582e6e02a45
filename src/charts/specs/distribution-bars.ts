import type { Theme } from '../../core/render-jobs.js';
import { PALETTES } from '../../render/palettes.js';
import { short } from '../format-label.js';
import type { EntropyChartInput } from '../chart-inputs.js';
import { expr, frame, signal } from './common.js';

/** Above this many classes the names are slanted so they do not run into each other. */
const SLANT_ABOVE = 8;
/** An infinite part is drawn this much taller than the tallest finite one, labelled ∞. */
const INFINITE_HEADROOM = 1.25;
/**
 * Below this the probability axis fits the shown values instead of running to 1: 10,000 classes of
 * q = 0.0001 were invisible bars on a 0–1 axis.
 */
const FIT_AXIS_BELOW = 0.5;
const AXIS_HEADROOM = 1.15;

const Q = 'q (true)';
const P = 'p (predicted)';
const H = 'H(q) part';
const HP = 'Hₚ(q) part';

/**
 * (d) q and p side by side per class, and below them each class's part of H(q) and Hₚ(q).
 * Class names are data values, never spliced into an expression. With many classes only the
 * shown ones are drawn (input.shown, the same as the table), and the class axis says what the others weigh.
 */
export function distributionBarsSpec(input: EntropyChartInput, theme: Theme): Record<string, unknown> {
  const palette = PALETTES[theme];
  const shown = input.shown.indices;
  const classes = input.labels.slice(0, shown.length);
  const at = (values: readonly number[], order: number) => values[shown[order] as number] as number;
  const hasP = input.p !== undefined;
  const probabilities = classes.flatMap((label, i) => [
    { label, order: i, series: Q, value: at(input.q, i) },
    ...(hasP ? [{ label, order: i, series: P, value: at(input.p ?? [], i) }] : []),
  ]);
  const tallest = Math.max(0, ...probabilities.map((r) => r.value));
  const qTop = tallest >= FIT_AXIS_BELOW || tallest <= 0 ? 1 : tallest * AXIS_HEADROOM;
  const entropyParts = classes.map((_, i) => at(input.contributions.entropy, i));
  const crossParts = input.contributions.crossEntropy ? classes.map((_, i) => at(input.contributions.crossEntropy ?? [], i)) : undefined;
  const finiteParts = [...entropyParts, ...(crossParts ?? [])].filter(Number.isFinite);
  const cap = (Math.max(0, ...finiteParts) || 0.1) * INFINITE_HEADROOM;
  let capped = 0;
  // With many classes the numbers over the bars run into each other; only ∞ keeps its label.
  const partText = (v: number) => (classes.length <= SLANT_ABOVE || !Number.isFinite(v) ? short(v) : '');
  const parts = classes.flatMap((label, i) => {
    const rows = [{ label, order: i, series: H, value: entropyParts[i] as number, text: partText(entropyParts[i] as number) }];
    if (crossParts) {
      const v = crossParts[i] as number;
      if (!Number.isFinite(v)) capped++;
      rows.push({ label, order: i, series: HP, value: Number.isFinite(v) ? v : cap, text: partText(v) });
    }
    return rows;
  });
  const { rest } = input.shown;
  const classTitle = rest.count > 0
    ? `class: the ${classes.length} likeliest of ${input.q.length.toLocaleString('en-US')} classes; the other ${rest.count.toLocaleString('en-US')}: total q ${short(rest.q)}`
    : 'class';
  const cut = capped > 0 ? '; an ∞ bar is cut off' : '';
  const title = hasP
    ? `H(q) = ${short(input.entropy)}, Hₚ(q) = ${short(input.crossEntropy ?? NaN)}, KL = ${short(input.kl ?? NaN)} ${input.unit}${cut}`
    : `Entropy H(q) = ${short(input.entropy)} ${input.unit}`;
  const { width: _width, height: _height, ...base } = frame(theme, `top: q${hasP ? ' and p' : ''} per class; bottom: each class's part of H(q)${hasP ? ' and Hₚ(q)' : ''}`, {
    chart_title: title,
    label_angle: classes.length > SLANT_ABOVE ? -40 : 0,
    class_title: classTitle,
    q_top: qTop,
    part_title: `part (${input.unit})`,
  });
  const probabilitySeries = hasP ? [Q, P] : [Q];
  const partSeries = input.contributions.crossEntropy ? [H, HP] : [H];
  const xEncoding = { field: 'label', type: 'nominal', sort: { field: 'order', op: 'min' }, title: signal('class_title'), axis: { labelAngle: expr('label_angle') } };
  return {
    ...base,
    vconcat: [
      {
        width: 560,
        height: 170,
        data: { values: probabilities },
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: {
          // The class axis is titled once, under the parts.
          x: { ...xEncoding, title: null },
          xOffset: { field: 'series', type: 'nominal', scale: { domain: probabilitySeries } },
          y: { field: 'value', type: 'quantitative', title: 'probability', scale: { domain: [0, expr('q_top')], nice: false } },
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

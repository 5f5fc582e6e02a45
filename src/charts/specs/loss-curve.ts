import type { Theme } from '../../core/render-jobs.js';
import { amount } from '../../core/wording.js';
import { PALETTES } from '../../render/palettes.js';
import { className, logSymbol, short } from '../format-label.js';
import type { LoglossChartInput } from '../chart-inputs.js';
import { classColor, expr, frame, presentClasses, signal } from './common.js';

/** Below this probability for the true class a mistake is "confident" and gets its point number. */
const CONFIDENT_MISTAKE = 0.2;
const CURVE_SAMPLES = 200;
/** Ticks inside [0, 1] only: the padding that keeps a point at q ≈ 0 off the axis is not a probability. */
const TENTHS = Array.from({ length: 11 }, (_, i) => i / 10);
const POINT_SIZE = 90;
/** Points closer than this many pixels are drawn as rings around each other, so no class hides. */
const SAME_SPOT_PX = 6;

/**
 * (a) The curve −log_b(q) over the probability q given to the true class, with every point on it:
 * the picture of why confident mistakes dominate.
 */
export function lossCurveSpec(input: LoglossChartInput, theme: Theme): Record<string, unknown> {
  const palette = PALETTES[theme];
  const log = (v: number) => Math.log(v) / Math.log(input.logBase);
  const maxPoint = input.perPoint.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, v) : m), 0);
  const top = Math.max(-log(0.01), maxPoint * 1.08);
  const qMin = Math.pow(input.logBase, -top);
  const curve = Array.from({ length: CURVE_SAMPLES }, (_, i) => {
    // Log-spaced near 0, where the curve climbs.
    const q = Math.exp(Math.log(qMin) + (-Math.log(qMin) * i) / (CURVE_SAMPLES - 1));
    return { q, loss: -log(q) };
  });
  const spot = (q: number, loss: number) => `${Math.round((q * 560) / SAME_SPOT_PX)}:${Math.round((Math.min(loss, top) / top) * (300 / SAME_SPOT_PX))}`;
  const bySpot = new Map<string, number>();
  const points = Array.from(input.perPoint, (loss, i) => {
    const q = input.trueClassProb[i] as number;
    const key = spot(q, loss);
    const before = bySpot.get(key) ?? 0;
    bySpot.set(key, before + 1);
    return { q, loss: Math.min(loss, top), cls: className(input.y[i] as number), key, before, size: POINT_SIZE };
  });
  for (const point of points) point.size = POINT_SIZE * (1 + 2.5 * ((bySpot.get(point.key) as number) - 1 - point.before));
  points.sort((a, b) => b.size - a.size);
  // Confident mistakes at the same spot share one label ("#4, #5") instead of overprinting.
  const labels = new Map<string, { q: number; loss: number; names: string[] }>();
  input.perPoint.forEach((loss, i) => {
    const q = input.trueClassProb[i] as number;
    if (q >= CONFIDENT_MISTAKE) return;
    const key = spot(q, loss);
    const entry = labels.get(key) ?? { q, loss: Math.min(loss, top), names: [] };
    entry.names.push(`#${i + 1}`);
    labels.set(key, entry);
  });
  const labelRows = [...labels.values()].map((l) => ({ q: l.q, loss: l.loss, label: l.names.length > 3 ? `${l.names.slice(0, 3).join(', ')}, …` : l.names.join(', ') }));
  const sym = logSymbol(input.logBase);
  const x = { field: 'q', type: 'quantitative' };
  const y = { field: 'loss', type: 'quantitative' };
  return {
    ...frame(theme, 'a point sits at q, the probability it gave its true class; confident mistakes are numbered', {
      chart_title: input.perPoint.length === 1
        ? `Log loss ${amount(short(input.loss), input.unit)} of the only point`
        : `Mean log loss ${amount(short(input.loss), input.unit)} over ${input.perPoint.length} points: confident mistakes cost most`,
      y_title: `loss −${sym} q (${input.unit})`,
      y_top: top,
      class_legend: presentClasses(points.map((p) => p.cls)),
    }),
    layer: [
      {
        data: { values: curve },
        mark: { type: 'line', color: palette.curve, strokeWidth: 2, clip: true },
        encoding: {
          x: { ...x, title: 'probability given to the true class (q)', scale: { domain: [0, 1], padding: 10 }, axis: { values: TENTHS, format: '.1~f' } },
          y: { ...y, title: signal('y_title'), scale: { domain: [0, expr('y_top')], nice: false } },
        },
      },
      {
        data: { values: points.map(({ q, loss, cls, size }) => ({ q, loss, cls, size })) },
        mark: { type: 'circle', opacity: 1, stroke: palette.background, strokeWidth: 1.5 },
        encoding: { x, y, color: classColor(theme, 'class_legend'), size: { field: 'size', type: 'quantitative', scale: null } },
      },
      {
        data: { values: labelRows },
        mark: { type: 'text', align: 'left', dx: 11, dy: -9, fontSize: 12, fontWeight: 'bold', color: palette.highlight },
        encoding: { x, y, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}

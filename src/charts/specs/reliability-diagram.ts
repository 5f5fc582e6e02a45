import type { Theme } from '../../core/render-jobs.js';
import { PALETTES } from '../../render/palettes.js';
import { short } from '../format-label.js';
import { frame } from './common.js';

/** Plain data in: the bins of sklearn.calibration.calibration_curve, with their counts. */
export interface ReliabilityChartInput {
  bins: ReadonlyArray<{ meanPredicted: number; observed: number; count: number }>;
  binCount: number;
  brier: number;
  ece: number;
  n: number;
}

/** Square, because both axes are probabilities and the diagonal must read as 45°; small enough for a phone. */
const SIDE = 380;
const TENTHS = Array.from({ length: 11 }, (_, i) => i / 10);

/**
 * A reliability diagram: per bin the mean predicted probability against the share that came true,
 * each point sized and labelled by its count, with the diagonal a calibrated model would follow.
 * Below the diagonal the model predicted too high, above it too low.
 */
export function reliabilityDiagramSpec(input: ReliabilityChartInput, theme: Theme): Record<string, unknown> {
  const palette = PALETTES[theme];
  const x = { field: 'predicted', type: 'quantitative', title: 'mean predicted probability', scale: { domain: [0, 1], padding: 8 }, axis: { values: TENTHS, format: '.1~f' } };
  const y = { field: 'observed', type: 'quantitative', title: 'observed frequency of 1s', scale: { domain: [0, 1], padding: 8 }, axis: { values: TENTHS, format: '.1~f' } };
  // Neighbouring bins often sit at the same height (0 or 1 with few points each, ~0.1 apart):
  // their counts alternate above and below the points so the labels never run together.
  const rows = input.bins.map((b) => ({ predicted: b.meanPredicted, observed: b.observed, count: b.count, countText: `n=${b.count}` }));
  const countLabel = (above: boolean) => ({
    transform: [{ window: [{ op: 'row_number', as: 'bin' }] }, { filter: above ? 'datum.bin % 2 === 1' : 'datum.bin % 2 === 0' }],
    mark: { type: 'text', align: 'center', baseline: above ? 'bottom' : 'top', dy: above ? -13 : 13, fontSize: 13, color: palette.text },
    encoding: { text: { field: 'countText', type: 'nominal' } },
  });
  return {
    ...frame(
      theme,
      ['one point per bin, sized by its count; dashed: perfect calibration', 'below the line: predicted too high; above: too low'],
      { chart_title: `Calibration: ECE ${short(input.ece)}, Brier ${short(input.brier)}, ${input.n.toLocaleString('en-US')} points` },
      { width: SIDE, height: SIDE },
    ),
    layer: [
      {
        data: { values: [{ predicted: 0, observed: 0 }, { predicted: 1, observed: 1 }] },
        mark: { type: 'line', color: palette.rule, strokeWidth: 2, strokeDash: [6, 4] },
        encoding: { x, y },
      },
      {
        data: { values: rows },
        encoding: { x: { field: 'predicted', type: 'quantitative' }, y: { field: 'observed', type: 'quantitative' } },
        layer: [
          { mark: { type: 'line', color: palette.positive, strokeWidth: 2 } },
          {
            mark: { type: 'circle', color: palette.positive, opacity: 1, stroke: palette.background, strokeWidth: 1.5 },
            encoding: { size: { field: 'count', type: 'quantitative', scale: { type: 'sqrt', range: [40, 400] }, legend: null } },
          },
          countLabel(true),
          countLabel(false),
        ],
      },
    ],
  };
}

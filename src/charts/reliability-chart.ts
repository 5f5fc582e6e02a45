import type { ChartJob, Theme } from '../core/render-jobs.js';
import { short } from './format-label.js';
import { reliabilityDiagramSpec, type ReliabilityChartInput } from './specs/reliability-diagram.js';

/** The /logloss calibration picture, as a job for the chart machinery. */
export function reliabilityChart(input: ReliabilityChartInput, theme: Theme, finding: string): ChartJob {
  return {
    kind: 'reliability-diagram',
    spec: reliabilityDiagramSpec(input, theme),
    filename: 'logloss-calibration.png',
    alt: `Reliability diagram: mean predicted probability against the observed frequency of 1s in ${input.bins.length} non-empty of ${input.binCount} bins, with counts and the diagonal; ECE ${short(input.ece)}, Brier ${short(input.brier)}; ${finding}`,
  };
}

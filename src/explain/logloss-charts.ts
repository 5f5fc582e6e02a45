import { loglossCharts } from '../charts/chart-sets.js';
import { reliabilityChart } from '../charts/reliability-chart.js';
import { calibrationFinding } from './calibration-answer.js';
import type { RunContext } from '../core/command.js';
import { drawCharts, type DrawnCharts } from './draw-charts.js';
import type { LoglossInput } from '../core/input/logloss-input.js';
import type { LoglossReport } from '../loss/index.js';
import { BASE_WORDS } from './units.js';

/** The /logloss pictures: the −log curve with the points, the per-point bars, the fitted sigmoid. */
export async function loglossChartImages(input: LoglossInput, { bce, fit, calibration }: LoglossReport, ctx: RunContext): Promise<DrawnCharts> {
  if (!ctx.renderCharts) return { images: [] };
  const words = BASE_WORDS[input.base];
  const jobs = loglossCharts(
    {
      y: input.y,
      trueClassProb: bce.trueClassProb,
      perPoint: bce.perPoint,
      loss: bce.loss,
      unit: words.unit,
      logBase: words.value,
      // The sigmoid over x is drawn for one feature; several have no single axis to draw it over.
      ...(fit && fit.coef.length === 1 ? { fit: { x: input.prediction.values, coef: fit.coef[0] as number, intercept: fit.intercept } } : {}),
    },
    ctx.theme,
  );
  if (calibration) jobs.push(reliabilityChart({ ...calibration, n: bce.n }, ctx.theme, calibrationFinding(calibration)));
  return drawCharts(jobs, ctx);
}

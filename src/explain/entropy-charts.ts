import { chartLabels } from '../charts/bound-label.js';
import { entropyCharts } from '../charts/chart-sets.js';
import { shownClasses } from '../charts/shown-classes.js';
import type { RunContext } from '../core/command.js';
import type { AnyBase, DistributionReport } from '../loss/index.js';
import type { DistributionInput } from '../core/input/distribution-input.js';
import { drawCharts, type DrawnCharts } from './draw-charts.js';
import { baseWords } from './units.js';

/**
 * The /entropy pictures: q beside p per class (the classes the table lists too), and the binary entropy curve for two classes. The
 * class names are the user's own text: they are bounded here, where they enter the charts; the
 * text answer keeps them whole (the platforms cap message fields themselves).
 */
export async function entropyChartImages(input: DistributionInput, report: DistributionReport, base: AnyBase, ctx: RunContext): Promise<DrawnCharts> {
  if (!ctx.renderCharts) return { images: [] };
  const words = baseWords(base);
  const shown = shownClasses(report.q);
  const jobs = entropyCharts(
    {
      labels: chartLabels(shown.indices.map((i) => input.labels[i] as string)),
      shown,
      q: report.q,
      ...(report.p ? { p: report.p } : {}),
      contributions: {
        entropy: report.contributions.entropy,
        ...(report.contributions.crossEntropy ? { crossEntropy: report.contributions.crossEntropy } : {}),
      },
      entropy: report.entropy,
      ...(report.crossEntropy !== undefined ? { crossEntropy: report.crossEntropy } : {}),
      ...(report.kl !== undefined ? { kl: report.kl } : {}),
      unit: words.unit,
      logBase: words.value,
    },
    ctx.theme,
  );
  return drawCharts(jobs, ctx);
}

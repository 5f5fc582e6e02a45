import type { RunContext } from '../core/command.js';
import type { MulticlassInput } from '../core/input/multiclass-input.js';
import type { ChartJob } from '../core/render-jobs.js';
import { short } from '../charts/format-label.js';
import { classTrueBarsSpec } from '../charts/specs/class-true-bars.js';
import type { MulticlassReport } from '../loss/multiclass-report.js';
import { amount } from '../core/wording.js';
import { drawCharts, type DrawnCharts } from './draw-charts.js';
import { BASE_WORDS } from './units.js';

/** The multi-class /logloss picture: the probability each point gave its true class, coloured by class. */
export function multiclassCharts(input: MulticlassInput, { result }: MulticlassReport, theme: RunContext['theme']): ChartJob[] {
  const words = BASE_WORDS[input.base];
  let worst = 0;
  for (let i = 1; i < result.n; i++) if ((result.perPoint[i] as number) > (result.perPoint[worst] as number)) worst = i;
  const spec = classTrueBarsSpec(
    { classes: input.classes, labels: input.labels, trueClassProb: result.trueClassProb, perPoint: result.perPoint, loss: result.loss, unit: words.unit, logBase: words.value },
    theme,
  );
  const worstClass = input.classes[input.labels[worst] as number] ?? '';
  return [{
    kind: 'class-true-bars',
    spec,
    filename: 'logloss-points.png',
    alt: `Bars of the probability each point gave its true class, coloured by class (${input.classes.join(', ')}), worst first; mean log loss ${amount(short(result.loss), words.unit)}; the costliest point, #${worst + 1} (${worstClass}), gave its true class ${short(result.trueClassProb[worst] as number)} and costs ${amount(short(result.perPoint[worst] as number), words.unit)}.`,
  }];
}

export async function multiclassChartImages(input: MulticlassInput, report: MulticlassReport, ctx: RunContext): Promise<DrawnCharts> {
  if (!ctx.renderCharts) return { images: [] };
  return drawCharts(multiclassCharts(input, report, ctx.theme), ctx);
}

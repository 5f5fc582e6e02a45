import type { Theme } from '../../core/render-jobs.js';
import { className } from '../format-label.js';
import type { LoglossChartInput } from '../chart-inputs.js';
import { classColor, presentClasses } from './common.js';
import { MAX_BARS, worstFirstBarsSpec } from './worst-first-bars.js';

export { MAX_BARS };

/** (b) One bar per point (worst-first-bars.ts), coloured by its label y = 0 or 1. */
export function trueClassBarsSpec(input: LoglossChartInput, theme: Theme): Record<string, unknown> {
  const cls = (i: number) => className(input.y[i] as number);
  return worstFirstBarsSpec(input, theme, {
    label: (i) => `#${i + 1}`,
    cls,
    params: (shown) => ({ class_legend: presentClasses(shown.map(cls)) }),
    color: classColor(theme, 'class_legend'),
  });
}

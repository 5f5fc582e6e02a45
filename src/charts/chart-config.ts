import type { Theme } from '../core/render-jobs.js';
import { FONT, PALETTES } from '../render/palettes.js';

/** The Vega-Lite config every chart shares: opaque background, a font the machine has, readable sizes. */
export function chartConfig(theme: Theme): Record<string, unknown> {
  const p = PALETTES[theme];
  return {
    background: p.background,
    font: FONT,
    padding: 12,
    view: { stroke: null },
    title: { color: p.text, subtitleColor: p.muted, fontSize: 15, subtitleFontSize: 12, anchor: 'start', offset: 10 },
    axis: { labelColor: p.muted, titleColor: p.text, gridColor: p.grid, domainColor: p.domain, tickColor: p.domain, labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal' },
    legend: { labelColor: p.text, titleColor: p.text, labelFontSize: 12, titleFontSize: 12, orient: 'top', direction: 'horizontal' },
    text: { font: FONT, color: p.text },
  };
}

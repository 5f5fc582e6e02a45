import type { Theme } from '../../core/render-jobs.js';
import { PALETTES } from '../../render/palettes.js';
import { chartConfig } from '../chart-config.js';

export const WIDTH = 560;
export const HEIGHT = 300;

/**
 * Every number, unit and count a chart shows travels as a top-level param value (a Vega signal)
 * or as a data row, never as part of the spec's structure. The structure of a chart kind is then
 * the same for every answer, so a render worker compiles and parses it once and afterwards only
 * sets signals and datasets (render-spec.ts). A param value is a value, never expression code:
 * the expressions below only name the params.
 */
export type ParamValues = Record<string, unknown>;

/** `{expr: name}`: where Vega-Lite takes an expression reference (titles, scale domains, mark props). */
export const expr = (name: string): { expr: string } => ({ expr: name });
/** `{signal: name}`: where Vega-Lite takes a signal reference (axis and legend titles). */
export const signal = (name: string): { signal: string } => ({ signal: name });

export const CLASS_NAMES = ['y = 1', 'y = 0', 'soft label'] as const;

/**
 * Class colours by name so every chart colours y = 1 and y = 0 alike. The domain is always all
 * three classes; the legend lists the ones present through the `legendParam` param.
 */
export function classColor(theme: Theme, legendParam: string, legend: Record<string, unknown> = {}): Record<string, unknown> {
  const p = PALETTES[theme];
  return {
    field: 'cls',
    type: 'nominal',
    title: 'true class',
    scale: { domain: [...CLASS_NAMES], range: [p.positive, p.negative, p.soft] },
    legend: { values: expr(legendParam), ...legend },
  };
}

/** The classes present, in the legend's order. */
export function presentClasses(names: Iterable<string>): string[] {
  const present = new Set(names);
  return CLASS_NAMES.filter((name) => present.has(name));
}

/**
 * The frame of every spec: schema, size, theme config, a title whose text is the `chart_title`
 * param (it carries the key number) and a fixed subtitle that says how to read the chart.
 */
export function frame(
  theme: Theme,
  subtitle: string | string[],
  params: ParamValues & { chart_title: string },
  size: { width?: number | { step: number }; height?: number | { step: number } } = {},
): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: size.width ?? WIDTH,
    height: size.height ?? HEIGHT,
    config: chartConfig(theme),
    params: Object.entries(params).map(([name, value]) => ({ name, value })),
    title: { text: expr('chart_title'), subtitle },
  };
}

import type { Canvas } from 'canvas';
import { View, parse, type LoggerInterface, type Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { encodePngAndRelease } from './encode-png.js';

/**
 * Views by spec skeleton (the spec with its data values taken out). Compiling, parsing and building
 * a View's dataflow is a third of a chart's time; a worker renders one chart at a time, so a
 * cached View only needs its datasets replaced.
 */
const views = new Map<string, View>();
const MAX_CACHED = 32;

interface Split {
  skeleton: Record<string, unknown>;
  datasets: Map<string, unknown[]>;
}

/** Moves every inline `data: {values}` into a named dataset, so equal skeletons share one runtime. */
function splitData(spec: Record<string, unknown>): Split {
  const datasets = new Map<string, unknown[]>();
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'data' && value !== null && typeof value === 'object' && Array.isArray((value as { values?: unknown }).values)) {
        const name = `inline_${datasets.size}`;
        datasets.set(name, (value as { values: unknown[] }).values);
        out[key] = { name };
      } else {
        out[key] = walk(value);
      }
    }
    return out;
  };
  return { skeleton: walk(spec) as Record<string, unknown>, datasets };
}

function viewFor(skeleton: Record<string, unknown>): View {
  const key = JSON.stringify(skeleton);
  const cached = views.get(key);
  if (cached) return cached;
  const warnings: string[] = [];
  const vega = compile(skeleton as unknown as TopLevelSpec, { logger: collectingLogger(warnings) }).spec as VegaSpec;
  const view = new View(parse(vega), { renderer: 'none' });
  if (views.size >= MAX_CACHED) {
    const [oldestKey, oldest] = views.entries().next().value as [string, View];
    oldest.finalize();
    views.delete(oldestKey);
  }
  views.set(key, view);
  return view;
}

/** A logger for vega-lite's compile that collects warnings instead of printing them. */
export function collectingLogger(warnings: string[]): LoggerInterface {
  const collect = (...args: readonly unknown[]) => {
    warnings.push(args.map(String).join(' '));
    return logger;
  };
  const quiet = () => logger;
  const logger = { level: () => logger, error: collect, warn: collect, info: quiet, debug: quiet } as unknown as LoggerInterface;
  return logger;
}

/** Vega-Lite spec -> Vega -> View (renderer 'none') -> node-canvas at `scale` -> PNG. */
export async function renderSpecToPng(spec: Record<string, unknown>, scale: number): Promise<Uint8Array> {
  const { skeleton, datasets } = splitData(spec);
  const view = viewFor(skeleton);
  for (const [name, values] of datasets) view.data(name, values);
  const canvas = (await view.toCanvas(scale)) as unknown as Canvas;
  return encodePngAndRelease(canvas);
}

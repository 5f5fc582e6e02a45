import type { Canvas } from 'canvas';
import { View, parse, type LoggerInterface, type Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { encodePng, encodePngAndRelease } from '../render/encode-png.js';
import { surfaceFor, TEXT_DRAWING_MODE } from '../render/surfaces.js';
import { compactVegaLookups } from './vega-lookup-compaction.js';

compactVegaLookups();

/**
 * Views by spec skeleton: the spec with its data values and top-level param values taken out.
 * The spec builders keep every number and word of an answer in those two places, so a chart kind
 * has one skeleton per theme (and a few structural variants) and a worker compiles and parses it
 * once: compile ~7 ms, parse and dataflow ~11 ms here, against ~8 ms to draw. A worker renders
 * one chart at a time, so a cached View only needs its datasets and signals replaced.
 */
const views = new Map<string, View>();
const MAX_CACHED_VIEWS = 48;

/**
 * Vega keeps a mark's scene items for data that left (to reuse them if it comes back) until more
 * than `cleanThreshold` have piled up, 10,000 by default: a View reused for thousands of charts
 * held up to that many dead items per mark, and RSS kept climbing (~+90 MB per 1,000 commands
 * here after the lookup fix). A chart has at most a few hundred marks' worth of data.
 */
const CLEAN_THRESHOLD = 500;

/** A spec without a background would leave the previous chart's pixels in a reused canvas. */
const FALLBACK_BACKGROUND = '#ffffff';

interface Split {
  skeleton: Record<string, unknown>;
  datasets: Map<string, unknown[]>;
  signals: Map<string, unknown>;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A top-level param that only holds a value (no selection, binding or expression of its own). */
const isValueParam = (param: unknown): param is { name: string; value: unknown } =>
  isObject(param) && typeof param.name === 'string' && 'value' in param && !('select' in param) && !('bind' in param) && !('expr' in param);

/** Moves every inline `data: {values}` into a named dataset and every param value into a signal. */
export function splitSpec(spec: Json): Split {
  const datasets = new Map<string, unknown[]>();
  const signals = new Map<string, unknown>();
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'data' && isObject(value) && Array.isArray(value.values)) {
        const name = `inline_${datasets.size}`;
        datasets.set(name, value.values);
        out[key] = { name };
      } else {
        out[key] = walk(value);
      }
    }
    return out;
  };
  const skeleton = walk(spec) as Json;
  if (Array.isArray(skeleton.params)) {
    skeleton.params = skeleton.params.map((param: unknown) => {
      if (!isValueParam(param)) return param;
      signals.set(param.name, param.value);
      return { ...param, value: null };
    });
  }
  return { skeleton, datasets, signals };
}

function viewFor(skeleton: Json): View {
  const key = JSON.stringify(skeleton);
  const cached = views.get(key);
  if (cached) {
    views.delete(key); // re-inserted below: the Map's order is the least recently used first
    views.set(key, cached);
    return cached;
  }
  const warnings: string[] = [];
  const vega = compile(skeleton as unknown as TopLevelSpec, { logger: collectingLogger(warnings) }).spec as VegaSpec;
  const view = new View(parse(vega), { renderer: 'none' });
  (view as unknown as { cleanThreshold: number }).cleanThreshold = CLEAN_THRESHOLD;
  const background = view.background() as unknown;
  if (background === null || background === undefined || background === 'transparent') view.background(FALLBACK_BACKGROUND);
  if (views.size >= MAX_CACHED_VIEWS) {
    const [oldestKey, oldest] = views.entries().next().value as [string, View];
    oldest.finalize();
    views.delete(oldestKey);
  }
  views.set(key, view);
  return view;
}

function forget(view: View): void {
  for (const [key, cached] of views) {
    if (cached === view) {
      views.delete(key);
      view.finalize();
      return;
    }
  }
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

/**
 * The view's size in chart pixels, padding included, as vega-view computes it for its own
 * renderers (`_viewWidth` + padding). Not public API: undefined sends the caller down the public
 * path, a fresh canvas per chart (~2 ms slower).
 */
function viewSize(view: View): { width: number; height: number } | undefined {
  const inner = view as unknown as { _viewWidth?: unknown; _viewHeight?: unknown };
  const padding = view.padding() as unknown as { left?: number; right?: number; top?: number; bottom?: number };
  if (typeof inner._viewWidth !== 'number' || typeof inner._viewHeight !== 'number' || typeof padding !== 'object') return undefined;
  return {
    width: Math.max(0, inner._viewWidth + (padding.left ?? 0) + (padding.right ?? 0)),
    height: Math.max(0, inner._viewHeight + (padding.top ?? 0) + (padding.bottom ?? 0)),
  };
}

async function draw(view: View, scale: number): Promise<Uint8Array> {
  await view.runAsync();
  const size = viewSize(view);
  if (!size) return encodePngAndRelease((await view.toCanvas(scale, { context: { textDrawingMode: TEXT_DRAWING_MODE } } as never)) as unknown as Canvas);
  const width = Math.trunc(size.width * scale);
  const height = Math.trunc(size.height * scale);
  const canvas = surfaceFor(width, height);
  // Vega scales and translates an external context on top of whatever transform it has.
  await view.toCanvas(scale, { externalContext: canvas.getContext('2d') } as never);
  return encodePng(canvas, width, height);
}

/** Vega-Lite spec -> Vega -> View (renderer 'none') -> node-canvas at `scale` -> PNG. */
export async function renderSpecToPng(spec: Json, scale: number): Promise<Uint8Array> {
  const { skeleton, datasets, signals } = splitSpec(spec);
  const view = viewFor(skeleton);
  try {
    for (const [name, values] of datasets) view.data(name, values);
    for (const [name, value] of signals) view.signal(name, value);
    return await draw(view, scale);
  } catch (error) {
    forget(view);
    throw error;
  }
}

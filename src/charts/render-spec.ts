import type { Canvas } from 'canvas';
import { View, parse, type LoggerInterface, type Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { encodePng, encodePngAndRelease } from '../render/encode-png.js';
import { surfaceFor, TEXT_DRAWING_MODE } from '../render/surfaces.js';
import { compactVegaLookups, dropDepartedItemsEarly, viewSize } from './vega-internals.js';

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
  dropDepartedItemsEarly(view);
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

async function draw(view: View, scale: number): Promise<Uint8Array> {
  // vega-view 6.2 autosizes ('pad': the size that fits axes, legends and titles) once: the layout
  // clears its autosize flag, and only a change of the width, height or padding signal or
  // resize() sets it again. New data and titles in a reused View kept the first chart's size and
  // origin: a 1,000,000-point histogram drawn after a 201-point one came out 1,246 px wide
  // instead of 1,310, its title and y-axis title cut off at the left.
  view.resize();
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

import { withoutSourceMaps } from './without-source-maps.js';

// The packages first, without their source maps (without-source-maps.ts), then lossbot's worker.
await withoutSourceMaps(() => Promise.all([import('vega'), import('vega-lite'), import('canvas')]));
const { default: renderTask, startWarmUp } = await import('./render-worker.js');

// A thread takes tasks as soon as its module has loaded, and warms up while it has none
// (warm-up.ts): a thread started for a student does not make them wait for the warm-up.
startWarmUp();

export default renderTask;

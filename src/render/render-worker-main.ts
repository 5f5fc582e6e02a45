import renderTask, { warmUp } from './render-worker.js';

// Piscina hands a worker no task until its module has loaded, so warming up here keeps the
// first students after a restart from waiting on Vega-Lite compiling each chart kind.
await warmUp();

export default renderTask;

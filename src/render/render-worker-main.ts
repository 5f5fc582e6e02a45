import renderTask, { startWarmUp } from './render-worker.js';

// A thread takes tasks as soon as its module has loaded, and warms up while it has none
// (render-worker.ts): a thread started for a student does not make them wait for the warm-up.
startWarmUp();

export default renderTask;

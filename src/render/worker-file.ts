import { builtFile } from '../built-file.js';

/**
 * The module each render thread loads: the worker's own bundle from `npm run build`, plain
 * JavaScript whether the pool runs from dist/ or from the sources in the tests. A worker thread
 * does not inherit a TypeScript loader on Node 20, and registering tsx in each one cost ~30 MB.
 */
export function renderWorkerFile(): string {
  return builtFile('render-worker.mjs').href;
}

import { renderWorkerBundle } from './worker-bundle.js';

/** The module each render thread loads: the bundled worker, or the tsx entry where it cannot be written. */
export function renderWorkerFile(): string {
  return (renderWorkerBundle() ?? new URL('./render-worker-entry.mjs', import.meta.url)).href;
}

import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { BUNDLE_OPTIONS, cachedBundle } from '../launch/bundle-cache.mjs';

const WORKER_SOURCE = fileURLToPath(new URL('./render-worker-main.ts', import.meta.url));
let written: URL | undefined;

/**
 * The render worker as one plain JavaScript module, written once per content (the file name
 * carries its hash, so processes starting together and edits to the sources never clash).
 *
 * Why not register tsx in each worker, as the fallback entry does: on Node 20 that starts a
 * module-hooks thread per worker, a V8 isolate of its own, and keeps every module's source map;
 * measured here, ~30 MB of RSS per render worker. esbuild (already tsx's engine) bundles the
 * project's own files in ~0.1 s; packages stay imports.
 *
 * Returns the file's URL, or undefined when it cannot be written (a read-only install): the
 * caller then uses the tsx entry.
 */
export function renderWorkerBundle(): URL | undefined {
  // The sources do not change while a process runs: bundle once, however many pools it starts.
  if (written) return written;
  try {
    const result = buildSync({ ...BUNDLE_OPTIONS, entryPoints: [WORKER_SOURCE] });
    const code = result.outputFiles[0]?.contents;
    if (!code) return undefined;
    written = cachedBundle('render-worker', code);
    return written;
  } catch {
    return undefined;
  }
}

/**
 * Runs `load` (an import) with source maps off in this thread, then restores the setting. Node
 * reads and keeps the map of every module it loads while maps are on (`--enable-source-maps`, as
 * the npm scripts run): the render packages ship theirs, MathJax one per file (424). Loading them
 * with maps off saved ~15 MB of RSS per render thread at the load test's peak and ~0.1 s of a
 * thread's start (measured here); lossbot's own code, loaded after, keeps its maps, so its stack
 * traces still name the .ts files.
 */
export async function withoutSourceMaps<T>(load: () => Promise<T>): Promise<T> {
  const enabled = process.sourceMapsEnabled;
  if (!enabled) return load();
  process.setSourceMapsEnabled(false);
  try {
    return await load();
  } finally {
    process.setSourceMapsEnabled(true);
  }
}

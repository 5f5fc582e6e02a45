// `npm run build`, and the pre-hook of every npm script that runs lossbot: one ESM bundle per
// entry point (entries.mjs) in dist/, the project's TypeScript inlined and packages left as imports.
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ENTRIES } from './entries.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(ROOT, 'dist');

/** The bytes already in `file`, or undefined when there is none. */
async function current(file) {
  try {
    return await readFile(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes only what changed, each file under a temporary name and then renamed over the old one:
 * a bot already running from dist/ (its render workers load their file again after a crash)
 * never reads half a file, and an unchanged build leaves dist/ untouched. Maps go first, so a new
 * bundle never meets an old map.
 */
async function writeChanged(outputFiles) {
  await mkdir(DIST, { recursive: true });
  const maps = outputFiles.filter((file) => file.path.endsWith('.map'));
  const bundles = outputFiles.filter((file) => !file.path.endsWith('.map'));
  for (const file of [...maps, ...bundles]) {
    await mkdir(path.dirname(file.path), { recursive: true });
    const before = await current(file.path);
    if (before?.equals(file.contents)) continue;
    const partial = `${file.path}.${process.pid}.tmp`;
    await writeFile(partial, file.contents);
    await rename(partial, file.path);
  }
}

/**
 * A chunk this build no longer writes stays for a day, for a bot still running from the build
 * before (it loads some chunks only when first needed); then it goes, so dist/ does not grow with
 * every edit.
 */
const OLD_CHUNK_MS = 24 * 60 * 60 * 1000;

/** An entry taken off the list leaves no bundle behind for a script or a test to run by mistake. */
async function removeStale(outputFiles) {
  const wanted = new Set(outputFiles.map((file) => path.relative(DIST, file.path)));
  for (const name of await readdir(DIST)) {
    if (/\.mjs(\.map)?$/.test(name) && !wanted.has(name)) await rm(path.join(DIST, name), { force: true });
  }
  const chunks = path.join(DIST, 'chunks');
  for (const name of await readdir(chunks).catch(() => [])) {
    const file = path.join(chunks, name);
    if (wanted.has(path.relative(DIST, file))) continue;
    const { mtimeMs } = await stat(file);
    if (Date.now() - mtimeMs > OLD_CHUNK_MS) await rm(file, { force: true });
  }
}

/**
 * Packages are imported from node_modules at run time, except these: Vega, Vega-Lite and the d3
 * modules under them are ~250 ES modules, and a render thread spent ~220 ms resolving and linking
 * them at each start (the one-shot CLI's chart, the first answer after a thread starts); one
 * bundled chunk loads in ~150 ms (measured here). `vega` is pinned exactly in package.json, so the
 * bundle holds the version the private-API uses in src/charts/vega-internals.ts were checked on.
 * Kysely likewise: ~300 modules, ~0.2 s to load as published.
 */
const BUNDLED_PACKAGES = /^(vega|vega-[a-z-]+|d3-[a-z-]+|kysely)(\/|$)/;

function packagesExternalBut(bundled) {
  return {
    name: 'packages-external-but',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => (bundled.test(args.path) ? undefined : { path: args.path, external: true }));
    },
  };
}

try {
  const { outputFiles } = await build({
    absWorkingDir: ROOT,
    entryPoints: [...ENTRIES],
    outdir: DIST,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    plugins: [packagesExternalBut(BUNDLED_PACKAGES)],
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // A dynamic import() becomes a chunk of its own that loads when it runs, instead of being
    // inlined with its packages' imports hoisted to the top of the bundle: so Bolt loads only when
    // Slack starts, discord.js only when Discord does, and MathJax with a thread's first equation
    // (src/main.ts, src/render/render-worker.ts). Chunks are named by their content and outlive
    // their build by a day (removeStale), so a bot still running from an older build can load its own.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // `node --enable-source-maps` (every npm script) then names the .ts files and lines in stack
    // traces; node reads the paths from the map and needs no copy of the sources in it.
    sourcemap: 'linked',
    sourcesContent: false,
    // Class and function names survive in logs and stacks.
    keepNames: true,
    write: false,
    // Quiet on success: `npm run --silent cli -- --json …` must print one JSON object and nothing else.
    logLevel: 'warning',
  });
  await writeChanged(outputFiles);
  await removeStale(outputFiles);
} catch (error) {
  // esbuild has printed its errors (with file and line) to stderr already.
  if (!(error instanceof Error && 'errors' in error)) process.stderr.write(`build failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
}

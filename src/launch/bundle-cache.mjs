// Plain JavaScript: src/launch/run.mjs imports this before any TypeScript can load.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Inside node_modules, so a bundle's imports of packages resolve as from the project. */
export const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/lossbot/', import.meta.url));

/**
 * How lossbot bundles TypeScript, for the launcher and the render workers alike: the project's
 * files go in, packages stay imports.
 */
export const BUNDLE_OPTIONS = Object.freeze({ bundle: true, packages: 'external', format: 'esm', platform: 'node', target: 'node20', write: false, logLevel: 'silent' });

/**
 * Bundles of one name kept after a new one is written. A running process needs its own bundle
 * for as long as it runs (piscina starts a fresh worker from it after a timeout), and a process
 * only loses it once five newer builds of that name came after it: edits, not deploys.
 */
const KEEP_PER_NAME = 5;

function pruneOlder(name) {
  const ours = readdirSync(CACHE_DIR)
    .filter((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.mjs') && /^[0-9a-f]{16}$/.test(entry.slice(name.length + 1, -4)))
    .map((entry) => ({ file: `${CACHE_DIR}${entry}`, modified: statSync(`${CACHE_DIR}${entry}`).mtimeMs }))
    .sort((a, b) => b.modified - a.modified);
  for (const { file } of ours.slice(KEEP_PER_NAME)) rmSync(file, { force: true });
}

/**
 * Writes `code` to `<name>-<hash>.mjs` in the cache folder unless that file exists, and returns
 * its URL. The name carries the content's hash, so processes starting together and edits to the
 * sources never clash; the rename makes a half-written file invisible. Throws when the folder
 * cannot be written (a read-only install); callers then load the TypeScript through tsx.
 */
export function cachedBundle(name, code) {
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const file = `${CACHE_DIR}${name}-${hash}.mjs`;
  if (!existsSync(file)) {
    mkdirSync(CACHE_DIR, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, file);
    try {
      pruneOlder(name);
    } catch {
      // Another process pruned the same files first; nothing is lost.
    }
  }
  return pathToFileURL(file);
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The folder holding package.json, found upwards from this module: dist/ once bundled, src/ under tsx in the tests. */
function projectRoot(): string {
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let folder = start; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, 'package.json'))) return folder;
    if (path.dirname(folder) === folder) throw new Error(`no package.json above ${start}`);
  }
}

/**
 * The URL of `dist/<name>`, a bundle `npm run build` writes (scripts/entries.mjs), for code that
 * starts another lossbot process or thread. Throws when the file is missing: every npm script
 * builds first, so only a bare `node` or `tsx` run of the sources gets here without one.
 */
export function builtFile(name: string): URL {
  const file = path.join(projectRoot(), 'dist', name);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build`);
  return pathToFileURL(file);
}

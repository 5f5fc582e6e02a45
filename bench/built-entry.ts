import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtFile } from '../src/built-file.js';

/** How the npm scripts start a built entry point (scripts/entries.mjs): `node --enable-source-maps dist/<name>.mjs [args]`. */
export function builtEntryArgs(name: string, args: readonly string[] = []): string[] {
  return ['--enable-source-maps', fileURLToPath(builtFile(`${name}.mjs`)), ...args];
}

/** The folder holding dist/: where `npm start` runs (it reads .env from there). */
export function projectFolder(): string {
  return path.dirname(path.dirname(fileURLToPath(builtFile('main.mjs'))));
}

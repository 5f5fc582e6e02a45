import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { CODE_FILE, describeChain, ImportGraph, type Target } from '../support/import-graph.js';
import { ROOT } from '../support/run-process.js';

/** A platform, the rendering stack, a database or the store: what the practice logic must never reach. */
const OUTSIDE = [/^discord\.js$/, /^@discordjs\//, /^@slack\//, /^canvas$/, /^piscina$/, /^mathjax-full$/, /sqlite/, /^pg$/];
const reachesOutside = (target: Target) =>
  target.kind === 'opaque'
  || (target.kind === 'package' && OUTSIDE.some((pattern) => pattern.test(target.name)))
  || (target.kind === 'file' && (target.file.startsWith('src/store/') || target.file.startsWith('src/adapters/')));

const read = (file: string) => {
  try {
    return readFileSync(path.join(ROOT, file), 'utf8');
  } catch {
    return undefined;
  }
};

describe('src/practice boundaries', () => {
  test('GIVEN every file of src/practice and the two commands THEN no chain of imports reaches a platform, the renderers, a database or the store', () => {
    const files = readdirSync(path.join(ROOT, 'src/practice'), { recursive: true, encoding: 'utf8' })
      .filter((entry) => CODE_FILE.test(entry))
      .map((entry) => path.posix.join('src/practice', entry.split(path.sep).join('/')));
    assert.ok(files.length >= 10, files.join(', '));
    const graph = new ImportGraph(read);
    const violations = [...files, 'commands/practice.ts', 'commands/answer.ts'].flatMap((file) => graph.chains(file, reachesOutside).map(describeChain));
    assert.deepEqual(violations, [], violations.join('\n'));
  });
});

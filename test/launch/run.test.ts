import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { ROOT, runEntry } from '../support/run-process.js';

const ENTRY = 'test/launch/fixtures/report-entry.ts';

describe('src/launch/run.mjs (how the npm scripts start an entry point)', () => {
  test('GIVEN an entry and arguments THEN it runs from a bundle and sees argv and module URLs as if run directly', async () => {
    const result = await runEntry(ENTRY, ['--flag', 'value with spaces']);
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /running through tsx/);
    const report = JSON.parse(result.stdout) as { argv: string[]; url: string; siblingUrl: string };
    assert.deepEqual(report.argv, [path.join(ROOT, ENTRY), '--flag', 'value with spaces']);
    assert.equal(report.url, pathToFileURL(path.join(ROOT, ENTRY)).href);
    assert.equal(report.siblingUrl, pathToFileURL(path.join(ROOT, 'test/launch/fixtures/sibling.ts')).href);
  });

  test('GIVEN an entry that throws THEN the stack names the TypeScript file and line, and the exit code is not 0', async () => {
    const result = await runEntry(ENTRY, ['--throw']);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /thrown on purpose/);
    assert.ok(result.stderr.includes(`${path.join(ROOT, ENTRY)}:6:`), result.stderr);
  });
});

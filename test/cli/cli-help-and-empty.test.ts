import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runEntry } from '../support/run-process.js';

const CLI = 'src/adapters/cli/cli-main.ts';

describe('the CLI: help for one command, and an empty command', () => {
  test('GIVEN "/logloss help" THEN its usage on stdout and exit 0', async () => {
    const result = await runEntry(CLI, ['--no-charts', '/logloss help']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Usage: \/logloss y=<labels>/);
    assert.match(result.stdout, /Options:/);
    assert.doesNotMatch(result.stdout, /\/entropy —/, 'only the command asked about');
    assert.equal(result.stderr, '');
  });

  test('GIVEN "/entropy --help" with --json THEN one JSON object, ok true, exit 0', async () => {
    const result = await runEntry(CLI, ['--json', '--no-charts', '/entropy --help']);
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout) as { ok: boolean; command: string; text: string };
    assert.equal(json.ok, true);
    assert.equal(json.command, 'entropy');
    assert.match(json.text, /Usage: \/entropy/);
  });

  for (const blank of ['', '   ']) {
    test(`GIVEN --json and the command ${JSON.stringify(blank)} THEN one JSON object: ok false, empty-command, exit 2`, async () => {
      const result = await runEntry(CLI, ['--json', blank]);
      assert.equal(result.code, 2, result.stderr);
      assert.equal(result.stderr, '');
      const json = JSON.parse(result.stdout) as { ok: boolean; error?: { code: string; message: string } };
      assert.equal(json.ok, false);
      assert.equal(json.error?.code, 'empty-command');
      assert.match(json.error?.message ?? '', /^Type a command/);
    });
  }

  test('GIVEN an empty command without --json THEN the help for a person, exit 2, as before', async () => {
    const result = await runEntry(CLI, ['']);
    assert.equal(result.code, 2);
    assert.match(result.stdout, /^lossbot — /);
  });
});

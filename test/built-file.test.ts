import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { builtFile } from '../src/built-file.js';
import { ROOT } from './support/run-process.js';

describe('builtFile (finding a bundle of npm run build from the sources or from dist/)', () => {
  test('GIVEN the sources run under tsx THEN a built file is found in the project root\'s dist/', () => {
    assert.equal(builtFile('main.mjs').href, pathToFileURL(path.join(ROOT, 'dist/main.mjs')).href);
  });

  test('GIVEN a file the build did not write THEN the error names it and says to run npm run build', () => {
    assert.throws(() => builtFile('no-such-entry.mjs'), (error: unknown) => {
      assert.ok(error instanceof Error);
      assert.ok(error.message.includes(path.join(ROOT, 'dist/no-such-entry.mjs')), error.message);
      assert.match(error.message, /run npm run build/);
      return true;
    });
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { renderWorkerBundle } from '../../src/charts/worker-bundle.js';

describe('the render worker bundle (workers run plain JavaScript, not tsx)', () => {
  test('GIVEN the worker sources THEN one module named by its content, with the packages left as imports and no TypeScript loader', () => {
    const first = renderWorkerBundle();
    assert.ok(first, 'the bundle was written');
    assert.equal(renderWorkerBundle()?.href, first.href, 'the same sources give the same file');
    assert.match(first.pathname, /\/node_modules\/\.cache\/lossbot\/render-worker-[0-9a-f]{16}\.mjs$/);
    const code = readFileSync(fileURLToPath(first), 'utf8');
    assert.match(code, /from "vega"/);
    assert.match(code, /from "canvas"/);
    assert.doesNotMatch(code, /tsx/);
    assert.ok(code.length < 500_000, `${code.length} characters: packages must not be inlined`);
  });
});

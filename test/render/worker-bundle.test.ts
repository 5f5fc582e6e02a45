import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
// node-canvas must stay loaded in the main thread, or a worker that loaded it crashes on exit (renderer.ts).
import 'canvas';
import { Piscina } from 'piscina';
import { renderWorkerBundle } from '../../src/render/worker-bundle.js';

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

  test('GIVEN the fallback entry (tsx inside the worker, for read-only installs) THEN a worker started from it draws an equation', async () => {
    const pool = new Piscina({ filename: new URL('../../src/render/render-worker-entry.mjs', import.meta.url).href, minThreads: 1, maxThreads: 1 });
    try {
      const png = (await pool.run({ kind: 'tex', lines: ['L = -\\ln q'], theme: 'light', scale: 1 })) as Uint8Array;
      assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], 'PNG bytes');
    } finally {
      await pool.destroy();
    }
  });
});

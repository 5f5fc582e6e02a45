import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
// node-canvas must stay loaded in the main thread, or a worker that loaded it crashes on exit (render-pool.ts).
import 'canvas';
import { Piscina } from 'piscina';
import { renderWorkerFile } from '../../src/render/worker-file.js';
import { ROOT } from '../support/run-process.js';

describe('the render worker file (threads load the built bundle, not TypeScript)', () => {
  test('GIVEN the pool running from the sources THEN its workers load dist/render-worker.mjs', () => {
    assert.equal(renderWorkerFile(), pathToFileURL(path.join(ROOT, 'dist/render-worker.mjs')).href);
  });

  test('GIVEN a Piscina pool on that file THEN a worker draws an equation', async () => {
    const pool = new Piscina({ filename: renderWorkerFile(), minThreads: 1, maxThreads: 1 });
    try {
      const png = (await pool.run({ kind: 'tex', lines: ['L = -\\ln q'], theme: 'light', scale: 1 })) as Uint8Array;
      assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'PNG bytes');
    } finally {
      await pool.destroy();
    }
  });
});

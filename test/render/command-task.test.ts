import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Renderer } from '../../src/core/render-jobs.js';
import { createRenderer } from '../../src/render/renderer.js';
import { readPng } from '../charts/read-png.js';

let renderer: Renderer;
before(() => {
  renderer = createRenderer({ threads: 1 });
});
after(async () => {
  await renderer.close();
});

describe('a whole command in a render worker', () => {
  test('GIVEN a predictions CSV THEN the worker parses, computes and draws: the same answer as the main thread would give, with its PNGs', async () => {
    const reply = await renderer.runCommand?.({ input: { line: '/logloss file=data.csv' }, files: { file: 'y,p\n1,0.9\n0,0.2\n1,0.7\n' }, theme: 'dark', pictures: true });
    assert.ok(reply?.ok);
    assert.match(reply.summary, /0\.2284 nats/);
    assert.equal(reply.data.n, 3);
    // The −log curve, the per-point bars and, for uploaded predictions, the reliability diagram.
    assert.equal(reply.images.length, 3);
    for (const image of reply.images) assert.ok(readPng(image.png).width > 100, image.filename);
  });

  test('GIVEN a CSV with a bad cell THEN the worker answers the user error with its usage line', async () => {
    const reply = await renderer.runCommand?.({ input: { command: 'logloss', options: [{ name: 'file', value: 'bad.csv' }] }, files: { file: 'y,p\n1,banana\n' }, theme: 'light', pictures: true });
    assert.equal(reply?.ok, false);
    assert.equal(reply?.error?.code, 'csv-invalid');
    assert.match(reply?.summary ?? '', /banana/);
    assert.match(reply?.error?.usage ?? '', /\/logloss/);
  });

  test('GIVEN pictures off THEN the answer comes without images', async () => {
    const reply = await renderer.runCommand?.({ input: { line: '/logloss file=data.csv' }, files: { file: 'y,p\n1,0.9\n' }, theme: 'light', pictures: false });
    assert.ok(reply?.ok);
    assert.equal(reply.images.length, 0);
  });
});

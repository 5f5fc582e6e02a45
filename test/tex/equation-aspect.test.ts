import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EquationJob } from '../../src/core/render-jobs.js';
import type { DeriveNumbers } from '../../src/derive/derivation.js';
import { TOPICS, topicNamed } from '../../src/derive/topics/index.js';
import { readClassPoints } from '../../src/core/input/derive-class-input.js';
import { buildDeriveAnswer } from '../../src/explain/derive-answer.js';
import { renderTexToPng } from '../../src/tex/render-tex.js';
import { sigmoid } from '../../src/loss/index.js';
import { readPng } from '../charts/read-png.js';

/** Phones shrink a wider image until its type is unreadable; 6:1 still reads at chat width. */
const MAX_ASPECT = 6;

const points = (n: number): DeriveNumbers => {
  const y = Float64Array.from({ length: n }, (_, i) => (i % 3 === 1 ? 0 : 1));
  // Four-digit probabilities, the widest numbers the steps print.
  const p = Float64Array.from({ length: n }, (_, i) => [0.8512, 0.3047, 0.0123, 0.9981, 0.4567][i % 5] as number);
  return { y, p };
};
const logits = (): DeriveNumbers => {
  const z = Float64Array.of(-800, 12.345, -0.0001234, 800, 3.21, -40, 1.5, -2.25, 7, -7);
  return { y: Float64Array.from(z, (_, i) => i % 2), p: z.map(sigmoid), logits: z };
};

/** The equation jobs a derivation sends to the renderer, typeset for real at the renderer's scale. */
async function imagesOf(numbers: DeriveNumbers): Promise<Array<{ filename: string; width: number; height: number; lines: string[] }>> {
  const out: Array<{ filename: string; width: number; height: number; lines: string[] }> = [];
  for (const topic of TOPICS) {
    const input = topic.needs === 'probabilities' ? { ...numbers, y: new Float64Array(0) } : numbers;
    const renderEquations = async (jobs: EquationJob[]) =>
      Promise.all(jobs.map(async (job) => {
        const png = await renderTexToPng(job.lines, job.theme, 2);
        const { width, height } = readPng(png);
        out.push({ filename: job.filename, width, height, lines: job.lines });
        return { filename: job.filename, alt: job.alt, png };
      }));
    await buildDeriveAnswer({ topic, numbers: input, percentTokens: 0, line: '/derive' }, { theme: 'dark', renderEquations });
  }
  return out;
}

describe('equation images on a phone', () => {
  for (const [name, numbers] of [['1 point', points(1)], ['10 points', points(10)], ['20 points', points(20)], ['10 logits up to |z| = 800', logits()], ['1 point with pos_weight and smoothing', { ...points(1), posWeight: 3.125, smoothing: 0.1234 }], ['20 points with pos_weight', { ...points(20), posWeight: 0.3125 }], ['20 points with pos_weight and smoothing', { ...points(20), posWeight: 3.125, smoothing: 0.1234 }], ['10 logits with smoothing', { ...logits(), smoothing: 0.1234 }]] as const) {
    test(`GIVEN every topic with ${name} THEN every step's image is at most ${MAX_ASPECT}:1`, async () => {
      const images = await imagesOf(numbers);
      assert.ok(images.length >= 24);
      for (const image of images) {
        assert.ok(image.width / image.height <= MAX_ASPECT, `${image.filename}: ${image.width}×${image.height} = ${(image.width / image.height).toFixed(1)}:1\n${image.lines.join('\n')}`);
      }
    });
  }

  test(`GIVEN topic=categorical with 20 points of 5 classes, probabilities and scores, with and without smoothing THEN every step's image is at most ${MAX_ASPECT}:1`, async () => {
    const topic = topicNamed('categorical');
    assert.ok(topic);
    const y = Float64Array.from({ length: 20 }, (_, i) => i % 5);
    const p = Float64Array.from({ length: 100 }, (_, j) => [0.1234, 0.2345, 0.0123, 0.5281, 0.1017][j % 5] as number);
    const z = Float64Array.from({ length: 100 }, (_, j) => [-800, 12.345, -0.0001234, 800, 3.21][j % 5] as number);
    for (const [name, values, smoothing] of [['p', p, undefined], ['logits', z, undefined], ['p', p, 0.1234], ['logits', z, 0.1234]] as const) {
      const numbers = readClassPoints(y, { kind: 'numbers', values, percentTokens: 0, columns: 5 }, name);
      assert.ok(numbers.ok, name);
      const out: Array<{ filename: string; ratio: number }> = [];
      const renderEquations = async (jobs: EquationJob[]) =>
        Promise.all(jobs.map(async (job) => {
          const png = await renderTexToPng(job.lines, job.theme, 2);
          const { width, height } = readPng(png);
          out.push({ filename: job.filename, ratio: width / height });
          return { filename: job.filename, alt: job.alt, png };
        }));
      const input = smoothing === undefined ? numbers.value : { ...numbers.value, smoothing };
      await buildDeriveAnswer({ topic, numbers: input, percentTokens: 0, line: '/derive' }, { theme: 'light', renderEquations });
      assert.equal(out.length, smoothing === undefined ? 4 : 5, name);
      for (const image of out) assert.ok(image.ratio <= MAX_ASPECT, `${name} ${image.filename}: ${image.ratio.toFixed(1)}:1`);
    }
  });
});

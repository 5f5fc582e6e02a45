import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { PALETTES } from '../../src/render/palettes.js';
import type { DeriveNumbers } from '../../src/derive/derivation.js';
import { TOPICS } from '../../src/derive/topics/index.js';
import { buildDeriveAnswer } from '../../src/explain/derive-answer.js';
import { renderTexToPng } from '../../src/tex/render-tex.js';
import { TexError, typesetSvg } from '../../src/tex/typeset-svg.js';
import { readPng } from '../charts/read-png.js';
import { logitPoints, probabilityPoints } from '../derive/derive-fixtures.js';

/** The TeX a topic's steps typeset: the general formula, plus the numbers line when given. */
async function texOf(numbers?: DeriveNumbers): Promise<string[]> {
  const all: string[] = [];
  for (const topic of TOPICS) {
    const input = numbers && topic.needs === 'probabilities' ? { ...numbers, y: new Float64Array(0) } : numbers;
    const answer = await buildDeriveAnswer({ topic, ...(input ? { numbers: input } : {}), percentTokens: 0, line: '/derive' }, { theme: 'light' });
    all.push(...(answer.steps ?? []).map((step) => step.tex ?? ''));
  }
  return all;
}

function inkFraction(png: Uint8Array, background: string): number {
  const { width, height, pixels } = readPng(png);
  const bg = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16));
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 3) if (pixels[i] !== bg[0] || pixels[i + 1] !== bg[1] || pixels[i + 2] !== bg[2]) ink++;
  return ink / (width * height);
}

describe('TeX typesetting', () => {
  test('GIVEN every topic\'s steps without numbers and with the issue\'s example THEN MathJax typesets them without errors', async () => {
    const strings = [...(await texOf()), ...(await texOf({ y: Float64Array.of(1), p: Float64Array.of(0.85) }))];
    assert.ok(strings.length >= 2 * 24);
    for (const tex of strings) assert.doesNotThrow(() => typesetSvg(tex), tex);
  });

  test('GIVEN random numbers, tiny and huge logits THEN every step still typesets', async () => {
    const samples = [
      ...fc.sample(probabilityPoints, { seed: 7, numRuns: 6 }),
      ...fc.sample(logitPoints, { seed: 7, numRuns: 6 }),
      { y: Float64Array.of(1, 0, 1, 0, 1, 1), p: Float64Array.of(1e-300, 1 - 1e-17, 0.5, 2.2e-16, 1, 0) },
    ];
    for (const numbers of samples) for (const tex of await texOf(numbers)) typesetSvg(tex);
  });

  test('GIVEN broken TeX THEN a TexError, not MathJax\'s red box in a picture', () => {
    assert.throws(() => typesetSvg('\\frac{1}{'), TexError);
    assert.throws(() => typesetSvg('\\undefinedmacro x'), TexError);
    // Only base and ams are loaded: \href (html package) and \require do not exist here.
    assert.throws(() => typesetSvg('\\href{http://127.0.0.1}{x}'), TexError);
    assert.throws(() => typesetSvg('\\require{html}'), TexError);
  });

  test('GIVEN a step\'s two lines on both themes THEN one opaque PNG with glyphs drawn on the theme\'s background', async () => {
    const lines = ['L = -\\frac{1}{N} \\sum_{i=1}^{N} \\ln q_i', 'L = 0.1625 \\text{ nats}'];
    for (const theme of ['dark', 'light'] as const) {
      const png = await renderTexToPng(lines, theme, 2);
      const { width, height, pixels } = readPng(png);
      assert.ok(width > 200 && height > 100, `${width}x${height}`);
      const background = PALETTES[theme].background;
      assert.deepEqual([...pixels.subarray(0, 3)], [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16)), 'the corner is the background');
      const ink = inkFraction(png, background);
      assert.ok(ink > 0.03 && ink < 0.5, `${theme}: ${ink} of the pixels are glyphs`);
    }
  });
});

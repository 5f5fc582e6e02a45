import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { boundLabel, chartLabels, ELLIPSIS, LABEL_LIMITS } from '../../src/charts/bound-label.js';
import { MAX_DRAWN_CLASSES } from '../../src/charts/chart-inputs.js';
import type { ChartJob } from '../../src/core/render-jobs.js';
import { mulberry32 } from '../loss/mulberry32.js';
import { createTestDispatcher, testFiles } from '../support/core.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemesOf = (text: string) => [...segmenter.segment(text)].map((s) => s.segment);
const codePoints = (text: string) => [...text].length;
const marks = (text: string) => text.match(/\p{M}/gu)?.length ?? 0;

/** Every limit the charts rely on, checked on a bounded label. */
function assertWithinLimits(label: string, what: string): void {
  const graphemes = graphemesOf(label);
  assert.ok(graphemes.length <= LABEL_LIMITS.graphemes, `${what}: ${graphemes.length} graphemes`);
  assert.ok(codePoints(label) <= LABEL_LIMITS.codePoints, `${what}: ${codePoints(label)} code points`);
  for (const g of graphemes) {
    assert.ok(codePoints(g) <= LABEL_LIMITS.codePointsPerGrapheme, `${what}: a grapheme of ${codePoints(g)} code points`);
    assert.ok(marks(g) <= LABEL_LIMITS.marksPerGrapheme, `${what}: a grapheme with ${marks(g)} marks`);
  }
}

const COMBINING_ACUTE = '\u0301';
const FAMILY = '👨‍👩‍👧‍👦';
/** The longest emoji sequence Unicode recommends: a kiss with two skin tones, 10 code points. */
const KISS = '👩🏻‍❤️‍💋‍👨🏼';

describe('bounding user text before a chart draws it', () => {
  test('GIVEN ordinary class names in any script THEN they are kept as typed', () => {
    for (const name of ['1', 'red', 'class number 12', 'Tiếng Việt', 'שלום עולם', 'مرحبا بالعالم', 'क्षत्रिय', '日本語のラベル', FAMILY, KISS, '🇫🇷🇩🇪', 'naïve café']) {
      assert.equal(boundLabel(name), name);
    }
  });

  test('GIVEN "a" and 40,000 combining accents THEN one "a" with 8 of them and an ellipsis', (t) => {
    const started = performance.now();
    const label = boundLabel(`a${COMBINING_ACUTE.repeat(40_000)}`);
    t.diagnostic(`40,000 marks bounded in ${(performance.now() - started).toFixed(2)} ms`);
    assert.equal(label, `a${COMBINING_ACUTE.repeat(LABEL_LIMITS.marksPerGrapheme)}${ELLIPSIS}`);
    assert.equal(boundLabel(`${COMBINING_ACUTE.repeat(40_000)},b`), `${COMBINING_ACUTE.repeat(LABEL_LIMITS.marksPerGrapheme)}${ELLIPSIS}`, 'marks with no base at all');
  });

  test('GIVEN a stacked label among ordinary letters THEN the letters after it stay and the cut is marked at the end', () => {
    const label = boundLabel(`Z${'\u0336\u0321\u0315'.repeat(10)}algo`);
    assert.equal(label, `Z${'\u0336\u0321\u0315'.repeat(2)}\u0336\u0321algo${ELLIPSIS}`);
    assertWithinLimits(label, 'zalgo');
  });

  test('GIVEN a long name THEN it is cut after whole graphemes, the ellipsis included in the 32', () => {
    assert.equal(boundLabel('x'.repeat(100)), `${'x'.repeat(31)}${ELLIPSIS}`);
    assert.equal(boundLabel('x'.repeat(32)), 'x'.repeat(32));
    const families = boundLabel(FAMILY.repeat(40));
    assert.ok(families.endsWith(ELLIPSIS));
    const kept = graphemesOf(families).slice(0, -1);
    assert.ok(kept.length > 0 && kept.every((g) => g === FAMILY), 'no family is split');
    assertWithinLimits(families, 'families');
    const kisses = boundLabel(KISS.repeat(40));
    assert.ok(graphemesOf(kisses).slice(0, -1).every((g) => g === KISS));
  });

  test('GIVEN one endless grapheme (a ZWJ chain, a run of Hangul jamo) THEN it is cut to 16 code points with no dangling joiner', () => {
    const chain = boundLabel('😀\u200D'.repeat(5_000));
    assertWithinLimits(chain, 'ZWJ chain');
    assert.ok(chain.endsWith(ELLIPSIS) && !chain.endsWith(`\u200D${ELLIPSIS}`), JSON.stringify(chain));
    const jamo = boundLabel('\u1100'.repeat(100_000));
    assertWithinLimits(jamo, 'jamo');
    assert.equal(jamo, `${'\u1100'.repeat(LABEL_LIMITS.codePointsPerGrapheme)}${ELLIPSIS}`);
  });

  test('GIVEN right-to-left names THEN they keep their logical order and a cut keeps their beginning', () => {
    const arabic = 'مَرْحَبًا بِالْعَالَمِ '.repeat(10);
    const label = boundLabel(arabic);
    assert.ok(label.endsWith(ELLIPSIS));
    assert.ok(arabic.startsWith(label.slice(0, -1)), 'a prefix, in logical order, vowel marks included');
    assertWithinLimits(label, 'arabic');
    assert.equal(boundLabel('עברית'), 'עברית');
  });

  test('GIVEN bidi overrides, isolates or control characters THEN they are dropped: they would reorder the title around the label', () => {
    assert.equal(boundLabel('\u202Eevil\u202C ok'), 'evil ok');
    assert.equal(boundLabel('\u2067x\u2069y'), 'xy');
    assert.equal(boundLabel('a\u0000b\u0007c\u009F'), 'abc');
    assert.equal(boundLabel('\u202E\u202E'), ELLIPSIS, 'nothing left to draw still shows something');
    assert.equal(boundLabel('a\uD800b'), 'a\uFFFDb', 'a lone surrogate');
    assert.equal(boundLabel(`${'x'.repeat(257)}😀`).endsWith(ELLIPSIS), true);
  });

  test('GIVEN 100,000-character labels of every kind THEN each is bounded (time measured, not asserted)', (t) => {
    const kinds: Array<[string, string]> = [
      ['combining marks', `a${COMBINING_ACUTE.repeat(100_000)}`],
      ['ASCII', 'x'.repeat(100_000)],
      ['emoji', '😀'.repeat(50_000)],
      ['families', FAMILY.repeat(10_000)],
      ['Hangul jamo', '\u1100'.repeat(100_000)],
      ['Arabic with marks', 'مَرْحَبًا'.repeat(10_000)],
      ['ZWJ chain', '😀\u200D'.repeat(33_000)],
    ];
    for (const [kind, text] of kinds) {
      const started = performance.now();
      const label = boundLabel(text);
      t.diagnostic(`${kind}: ${text.length.toLocaleString('en-US')} UTF-16 units -> ${codePoints(label)} code points in ${(performance.now() - started).toFixed(2)} ms`);
      assertWithinLimits(label, kind);
      assert.ok(label.endsWith(ELLIPSIS), kind);
    }
  });

  test('GIVEN random strings of troublesome code points THEN every bounded label is within every limit', () => {
    const pool = ['a', 'é', COMBINING_ACUTE, '\u0336', '\u200D', '\u200C', '😀', '🏻', '\uFE0F', '\u1100', '\u1161', '\u11A8', '가', '🇫', '🇷', 'ש', 'ا', '\u064E', '\u202E', '\n', 'क', '\u094D', '\uDB40\uDC67', '\uD800', ' '];
    const random = mulberry32(424_242);
    for (let i = 0; i < 2_000; i++) {
      const length = Math.floor(random() * 400);
      const text = Array.from({ length }, () => pool[Math.floor(random() * pool.length)]).join('');
      assertWithinLimits(boundLabel(text), JSON.stringify(text));
    }
  });

  test('GIVEN class names that cut to the same text THEN they stay distinct, and only the drawn classes are read', () => {
    const long = 'a'.repeat(50);
    const labels = chartLabels([long, `${long}b`, `${'a'.repeat(28)}… #2`, 'b']);
    assert.equal(new Set(labels).size, 4);
    assert.deepEqual(labels.slice(0, 2), [`${'a'.repeat(31)}${ELLIPSIS}`, `${'a'.repeat(28)}${ELLIPSIS} #2`]);
    for (const label of labels) assertWithinLimits(label, label);
    const many = chartLabels(Array.from({ length: 20_000 }, () => long));
    assert.equal(many.length, MAX_DRAWN_CLASSES);
    assert.equal(new Set(many).size, MAX_DRAWN_CLASSES);
  });

  test('GIVEN /entropy with a 40,000-mark class name THEN no chart spec carries it, the text answer keeps it, and the bars still show both classes', async () => {
    const name = `a${COMBINING_ACUTE.repeat(40_000)}`;
    const drawn: ChartJob[] = [];
    const reply = await createTestDispatcher().handleLine(`/entropy q=${name},b`, { theme: 'dark', renderCharts: async (jobs) => (drawn.push(...jobs), []) }, testFiles());
    assert.ok(reply.ok, reply.summary);
    assert.deepEqual(reply.data.labels, [name, 'b']);
    assert.deepEqual(drawn.map((job) => job.kind), ['distribution-bars', 'binary-entropy-curve']);
    const bounded = `a${COMBINING_ACUTE.repeat(LABEL_LIMITS.marksPerGrapheme)}${ELLIPSIS}`;
    for (const job of drawn) {
      const spec = JSON.stringify(job.spec);
      assert.ok(!spec.includes(COMBINING_ACUTE.repeat(LABEL_LIMITS.marksPerGrapheme + 1)), `${job.kind}: the whole name reached the spec`);
      assert.ok(spec.includes(bounded), `${job.kind}: the bounded name is drawn`);
      assert.ok(job.alt.length < 1_000, `${job.kind}: alt text of ${job.alt.length}`);
    }
  });
});

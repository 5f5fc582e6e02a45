import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkAnswer } from '../../src/practice/check-answer.js';
import { problemFor, problemFromId } from '../../src/practice/generate.js';
import { LEVELS, PRACTICE_TOPICS, type Problem } from '../../src/practice/problem.js';
import { roundTo } from '../../src/practice/tolerance.js';

/** The formula card's problem: a diagnostic model predicts 0.85, the patient has the condition. */
const card = problemFromId('bce1a-34b') as Problem;

describe('checking an answer', () => {
  test('GIVEN the card\'s problem THEN 0.163, 0.1625 and the full figure are right; 0.162 and 0.164 are not', () => {
    for (const value of [0.163, 0.1625, 0.16251892949777494, 0.16299]) assert.equal(checkAnswer(card, value).correct, true, String(value));
    for (const value of [0.162, 0.164, 0.1619]) assert.equal(checkAnswer(card, value).correct, false, String(value));
    assert.deepEqual(checkAnswer(card, 0.163), { correct: true, expected: 0.163, given: 0.163, mistake: null, feedback: 'Right: 0.163 nats.' });
  });

  test('GIVEN the card\'s common mistakes THEN each is named: log base 10, base 2, the sign, the other class, percentages', () => {
    const named = (value: number) => checkAnswer(card, value).mistake;
    assert.equal(named(0.071), 'log10'); // −log10 0.85 = 0.0706
    assert.equal(named(0.234), 'log2'); // −log2 0.85 = 0.2345
    assert.equal(named(-0.163), 'sign');
    assert.equal(named(1.897), 'wrong-class'); // −ln 0.15 = 1.8971
    assert.equal(named(16.252), 'percent'); // 0.1625 × 100
    assert.equal(named(4.768), 'percent'); // −ln 0.0085: 0.85 read as 0.85 %
    const feedback = checkAnswer(card, 1.897).feedback;
    assert.match(feedback, /y = 1 costs −ln p/);
    assert.match(feedback, /0\.163 nats/);
  });

  test('GIVEN a wrong answer that matches no slip THEN no mistake code but feedback that says the answer and points to the solution', () => {
    const verdict = checkAnswer(card, 0.5);
    assert.equal(verdict.correct, false);
    assert.equal(verdict.mistake, null);
    assert.match(verdict.feedback, /0\.163 nats/);
    assert.match(verdict.feedback, /worked solution/);
  });

  test('GIVEN every problem and every slip it knows THEN that slip\'s value, rounded as asked, is named as that slip', () => {
    for (const topic of PRACTICE_TOPICS) {
      for (const level of LEVELS) {
        for (let seed = 0; seed < 40; seed++) {
          const problem = problemFor(topic, level, seed);
          for (const slip of problem.slips) {
            const verdict = checkAnswer(problem, roundTo(slip.value, problem.decimals));
            assert.equal(verdict.correct, false, `${problem.id} ${slip.code}`);
            assert.equal(verdict.mistake, slip.code, `${problem.id}: ${roundTo(slip.value, 3)} should be ${slip.code}`);
          }
          assert.equal(checkAnswer(problem, roundTo(problem.answer, problem.decimals)).correct, true, problem.id);
        }
      }
    }
  });

  test('GIVEN problems of each kind THEN their own slips are among those named', () => {
    const codes = (id: string) => problemFromId(id)?.slips.map((s) => s.code) ?? [];
    assert.ok(codes('bce2a-7').includes('sum-not-mean'));
    assert.ok(codes('bce2a-7').includes('rounded-early'));
    assert.ok(codes('bce2b-7').includes('unweighted'));
    assert.ok(codes('bce2c-7').includes('natural-vs-bits'));
    assert.ok(codes('bce3a-7').includes('mean-not-max'));
    assert.ok(codes('lgt1a-7').includes('wrong-class'));
    assert.ok(codes('ent1a-7').includes('mean-not-sum'));
    for (const code of ['entropy-for-cross-entropy', 'cross-entropy-reversed', 'kl-for-cross-entropy']) assert.ok(codes('xent1a-7').includes(code), code);
    for (const code of ['kl-reversed', 'cross-entropy-for-kl']) assert.ok(codes('kl1a-7').includes(code), code);
    for (const code of ['gradient-sign', 'gradient-in-p', 'loss-for-gradient']) assert.ok(codes('grad1a-7').includes(code), code);
    for (const code of ['logit-for-p', 'sum-not-mean']) assert.ok(codes('grad3a-7').includes(code), code);
  });

  test('GIVEN D(p‖q) for D(q‖p) and y − p for p − y THEN kl-reversed and gradient-sign', () => {
    // kl1a-7: q = (0.44, 0.56), p = (0.77, 0.23); scipy 1.10.1: entropy([0.77,0.23], [0.44,0.56]) = 0.22623693750489554, D(p‖q)
    assert.equal(checkAnswer(problemFromId('kl1a-7') as Problem, 0.226).mistake, 'kl-reversed');
    // grad1a-7: y = 1, p = 0.45, so p − y = −0.55 and y − p = 0.55.
    assert.equal(checkAnswer(problemFromId('grad1a-7') as Problem, 0.55).mistake, 'gradient-sign');
    assert.equal(checkAnswer(problemFromId('grad1a-7') as Problem, -0.55).correct, true);
  });
});

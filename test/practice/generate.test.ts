import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { problemFor, problemFromId } from '../../src/practice/generate.js';
import { decodeProblemId, encodeProblemId } from '../../src/practice/problem-id.js';
import { LEVELS, PRACTICE_TOPICS, type Problem } from '../../src/practice/problem.js';
import { SLIP_CODES } from '../../src/practice/slip-catalogue.js';
import { TEMPLATES } from '../../src/practice/templates/index.js';
import { roundTo, toleranceFor } from '../../src/practice/tolerance.js';

const SEEDS = Array.from({ length: 60 }, (_, k) => k * 7919);

function* everyProblem(): Generator<Problem> {
  for (const topic of PRACTICE_TOPICS) {
    for (const level of LEVELS) {
      for (const template of TEMPLATES[topic][level]) {
        for (const seed of SEEDS) {
          const problem = problemFromId(encodeProblemId({ topic, level, template: template.key, seed }));
          assert.ok(problem, `${topic} ${level} ${template.key} ${seed}`);
          yield problem;
        }
      }
    }
  }
}

describe('practice problems', () => {
  test('GIVEN the same topic, level and seed THEN the same problem; another seed THEN other numbers', () => {
    for (const topic of PRACTICE_TOPICS) {
      for (const level of LEVELS) {
        const a = problemFor(topic, level, 7);
        const b = problemFor(topic, level, 7);
        assert.equal(a.id, b.id);
        assert.equal(a.question, b.question);
        assert.deepEqual(a.given, b.given);
        const others = [8, 9, 10, 11].map((seed) => JSON.stringify(problemFor(topic, level, seed).given));
        assert.ok(others.some((given) => given !== JSON.stringify(a.given)), `${topic} ${level}: seeds 8-11 all drew seed 7's numbers`);
      }
    }
  });

  test('GIVEN a problem id THEN it redraws exactly the problem /practice posed (stateless, as after a restart)', () => {
    for (const topic of PRACTICE_TOPICS) {
      for (const level of LEVELS) {
        const posed = problemFor(topic, level, 0xbeef);
        const redrawn = problemFromId(posed.id);
        assert.equal(redrawn?.question, posed.question);
        assert.equal(redrawn?.answer, posed.answer);
        assert.deepEqual(redrawn?.slips, posed.slips);
      }
    }
  });

  test('GIVEN ids that no template wrote THEN none is read as a problem', () => {
    for (const id of ['', 'bce', 'bce1a', 'bce1a-', 'bce4a-7', 'bce0a-7', 'bce1z-7', 'bce1a-07', 'bce1a-123456789', 'foo1a-7', 'bce1a-7g', 'bce1a-7 x', 'lgt1b-7']) {
      assert.equal(problemFromId(id), undefined, id);
    }
    assert.equal(problemFromId(' BCE1A-7 ')?.id, 'bce1a-7', 'case and spaces around an id do not matter');
    assert.deepEqual(decodeProblemId('xent3a-ffffffff'), { topic: 'cross-entropy', level: 3, template: 'a', seed: 0xffffffff });
  });

  test('GIVEN every template over many seeds THEN finite numbers, the unit and decimals asked for, given under the option names the commands use, and never the answer in the question', () => {
    for (const problem of everyProblem()) {
      assert.ok(Number.isFinite(problem.answer), problem.id);
      assert.match(problem.question, /to 3 decimals/, problem.id);
      if (problem.unit) assert.match(problem.question, new RegExp(`in ${problem.unit}`), problem.id);
      const shown = roundTo(problem.answer, problem.decimals).toFixed(problem.decimals);
      assert.ok(!problem.question.includes(shown), `${problem.id}: the question contains the answer ${shown}`);
      for (const name of Object.keys(problem.given)) assert.ok(['y', 'p', 'logits', 'q', 'w', 'base'].includes(name), `${problem.id}: given.${name}`);
      for (const values of Object.values(problem.given)) for (const v of values) assert.ok(Number.isFinite(v), problem.id);
    }
  });

  test('GIVEN every template over many seeds THEN every slip is known, finite and apart from the answer and from every other slip', () => {
    let slips = 0;
    for (const problem of everyProblem()) {
      const tolerance = toleranceFor(problem.decimals);
      for (const [i, slip] of problem.slips.entries()) {
        assert.ok((SLIP_CODES as string[]).includes(slip.code), slip.code);
        assert.ok(Number.isFinite(slip.value), `${problem.id} ${slip.code}`);
        assert.ok(Math.abs(slip.value - problem.answer) > 2 * tolerance, `${problem.id} ${slip.code} is the answer`);
        for (const other of problem.slips.slice(0, i)) {
          if (other.code !== slip.code) assert.ok(Math.abs(other.value - slip.value) > 2 * tolerance, `${problem.id}: ${other.code} and ${slip.code} collide`);
        }
      }
      slips += new Set(problem.slips.map((s) => s.code)).size;
    }
    // The redraws keep nearly every slip recognisable: a problem has 5-10 of them.
    assert.ok(slips > 5 * 60 * 19, `only ${slips} slips recognisable`);
  });

  test('GIVEN problems whose numbers the reference libraries also compute THEN the same answers', () => {
    const answer = (id: string) => problemFromId(id)?.answer ?? Number.NaN;
    const near = (a: number, b: number) => assert.ok(Math.abs(a - b) <= 1e-15 * Math.max(1, Math.abs(b)), `${a} vs ${b}`);
    // The formula card's problem: y=1, p=0.85. scikit-learn 1.2.1: log_loss([1], [0.85], labels=[0, 1]) = 0.16251892949777494
    assert.deepEqual(problemFromId('bce1a-34b')?.given, { y: [1], p: [0.85] });
    near(answer('bce1a-34b'), 0.16251892949777494);
    // scikit-learn 1.2.1: log_loss([0], [0.75], labels=[0, 1]) = 1.3862943611198906
    assert.deepEqual(problemFromId('bce1a-7')?.given, { y: [0], p: [0.75] });
    near(answer('bce1a-7'), 1.3862943611198906);
    // scikit-learn 1.2.1: log_loss([1,0,1], [0.37,0.09,0.74], sample_weight=[1,1,2]) = 0.42269328459573785
    assert.deepEqual(problemFromId('bce2b-7')?.given, { y: [1, 0, 1], p: [0.37, 0.09, 0.74], w: [1, 1, 2] });
    near(answer('bce2b-7'), 0.42269328459573785);
    // scikit-learn 1.2.1 + scipy 1.10.1: log_loss([1,0,1], expit([-1.2,-2.4,0.5]), sample_weight=[2,3,1]) / log(2) = 0.8803205817366785
    assert.deepEqual(problemFromId('lgt3a-7')?.given, { y: [1, 0, 1], logits: [-1.2, -2.4, 0.5], w: [2, 3, 1], base: [2] });
    near(answer('lgt3a-7'), 0.8803205817366785);
    // scipy 1.10.1: entropy([0.07,0.47,0.46], base=2) = 1.295846085155977
    assert.deepEqual(problemFromId('ent2a-7')?.given, { q: [0.07, 0.47, 0.46], base: [2] });
    near(answer('ent2a-7'), 1.295846085155977);
    // scipy 1.10.1: entropy(q) + entropy(q, p) with q=[0.44,0.56], p=[0.77,0.23] = 0.9380190394521466
    assert.deepEqual(problemFromId('xent1a-7')?.given, { q: [0.44, 0.56], p: [0.77, 0.23] });
    near(answer('xent1a-7'), 0.9380190394521466);
    // scipy 1.10.1: entropy([0.07,0.47,0.46], [0.5,0.08,0.42], base=2) = 1.062474156856287
    assert.deepEqual(problemFromId('kl2a-7')?.given, { q: [0.07, 0.47, 0.46], p: [0.5, 0.08, 0.42], base: [2] });
    near(answer('kl2a-7'), 1.062474156856287);
    // scipy 1.10.1: mean(expit([-1.2,-2.4,0.5]) - [1,0,1]) = -0.35429758526774685
    assert.deepEqual(problemFromId('grad3a-7')?.given, { y: [1, 0, 1], logits: [-1.2, -2.4, 0.5] });
    near(answer('grad3a-7'), -0.35429758526774685);
  });

  test('GIVEN every template THEN its worked solution ends at the answer and every step has a formula', () => {
    for (const topic of PRACTICE_TOPICS) {
      for (const level of LEVELS) {
        for (const seed of [1, 2, 3]) {
          const problem = problemFor(topic, level, seed);
          const solution = problem.solution();
          assert.ok(solution.steps.length >= 2, problem.id);
          for (const step of solution.steps) assert.ok(step.equation.unicode.length > 0 && step.plugged, `${problem.id}: ${step.title}`);
          assert.ok(Math.abs((solution.result?.value ?? Number.NaN) - problem.answer) < 1e-12, problem.id);
          const last = solution.steps.at(-1)?.check?.value;
          if (typeof last === 'number') assert.ok(Math.abs(last - problem.answer) < 1e-12 || topic === 'gradient', `${problem.id}: last step ${last}`);
        }
      }
    }
  });
});

import { crossEntropy, entropy, klDivergence, toBase, type LogBase } from '../../loss/index.js';
import { crossEntropyTerms, entropyTerms, klTerms } from '../../loss/entropy-terms.js';
import type { Draft, SlipValue } from '../problem.js';
import type { Draw } from '../seeded-random.js';
import { distributionResult, distributionSteps, inBitsStep, type DistributionKind } from '../solution-steps.js';
import { roundTo } from '../tolerance.js';
import { askFor, DECIMALS, list, type Template } from './template.js';

interface Pair {
  kind: DistributionKind;
  q: number[];
  p: number[];
  base: LogBase;
}

function valueOf({ kind, q, p, base }: Pair): number {
  if (kind === 'entropy') return entropy(q, base);
  return kind === 'cross-entropy' ? crossEntropy(q, p, base) : klDivergence(q, p, base);
}

/** The same sum with every class's term rounded to 2 decimals first. */
function roundedTerms(pair: Pair): number {
  const terms = pair.kind === 'entropy' ? entropyTerms(pair.q) : pair.kind === 'kl' ? klTerms(pair.q, pair.p) : crossEntropyTerms(pair.q, pair.p);
  return Array.from(terms).reduce((a, t) => a + roundTo(toBase(t, pair.base), 2), 0);
}

function slipsOf(pair: Pair, answer: number): SlipValue[] {
  const other = (change: Partial<Pair>) => valueOf({ ...pair, ...change });
  const slips: SlipValue[] = pair.base === 'e'
    ? [{ code: 'log10', value: other({ base: '10' }) }, { code: 'log2', value: other({ base: '2' }) }]
    : [{ code: 'natural-vs-bits', value: other({ base: 'e' }) }, { code: 'log10', value: other({ base: '10' }) }];
  slips.push({ code: 'sign', value: -answer }, { code: 'percent', value: answer * 100 }, { code: 'rounded-early', value: roundedTerms(pair) });
  slips.push({ code: 'mean-not-sum', value: answer / pair.q.length });
  if (pair.kind === 'cross-entropy') {
    slips.push({ code: 'entropy-for-cross-entropy', value: other({ kind: 'entropy' }) });
    slips.push({ code: 'cross-entropy-reversed', value: other({ q: pair.p, p: pair.q }) });
    slips.push({ code: 'kl-for-cross-entropy', value: other({ kind: 'kl' }) });
  }
  if (pair.kind === 'kl') {
    slips.push({ code: 'kl-reversed', value: other({ q: pair.p, p: pair.q }) });
    slips.push({ code: 'cross-entropy-for-kl', value: other({ kind: 'cross-entropy' }) });
  }
  return slips;
}

const ASKED: Record<DistributionKind, string> = {
  entropy: 'What is the entropy H(q)?',
  'cross-entropy': 'What is the cross-entropy Hₚ(q) = −Σ q ln p of the prediction p against the true q?',
  kl: 'What is the KL divergence D(q‖p) of the prediction p from the true q?',
};

function pairDraft(pair: Pair, setting: string): Draft {
  const answer = valueOf(pair);
  const unit = pair.base === '2' ? 'bits' : 'nats';
  const given = { q: pair.q, ...(pair.kind === 'entropy' ? {} : { p: pair.p }), ...(pair.base === 'e' ? {} : { base: [Number(pair.base)] }) };
  return {
    question: `${setting} ${ASKED[pair.kind]} ${askFor(unit)}`,
    given,
    unit,
    decimals: DECIMALS,
    answer,
    slips: slipsOf(pair, answer),
    solution: () => {
      const steps = distributionSteps(pair.kind, pair.q, pair.p);
      if (pair.base === '2') steps.push(inBitsStep(valueOf({ ...pair, base: 'e' })));
      return { steps, result: distributionResult(pair.kind, pair.q, pair.p, pair.base) };
    },
  };
}

function setting(kind: DistributionKind, q: number[], p: number[]): string {
  const k = q.length;
  if (kind === 'entropy' && k === 2) return `A bent coin comes up heads with probability ${q[0]} and tails with ${q[1]}, so q = ${list(q)}.`;
  if (kind === 'entropy') return `A ${k}-sided die is loaded so that its faces come up with probabilities q = ${list(q)}.`;
  return `Over ${k} classes the true distribution is q = ${list(q)} and a model predicts p = ${list(p)}.`;
}

function templatesFor(kind: DistributionKind): Record<1 | 2 | 3, readonly Template[]> {
  const make = (key: string, k: number, base: LogBase): Template => ({
    key,
    draft(draw: Draw) {
      const q = draw.distribution(k);
      let p = draw.distribution(k);
      while (p.every((pc, c) => pc === q[c])) p = draw.distribution(k);
      return pairDraft({ kind, q, p, base }, setting(kind, q, p));
    },
  });
  return { 1: [make('a', 2, 'e')], 2: [make('a', 3, '2'), make('b', 3, 'e')], 3: [make('a', 4, '2')] };
}

export const ENTROPY_TEMPLATES = templatesFor('entropy');
export const CROSS_ENTROPY_TEMPLATES = templatesFor('cross-entropy');
export const KL_TEMPLATES = templatesFor('kl');

import type { DerivationResult, DerivationStep } from '../derive/derivation.js';
import { cat, joinTerms, listOf, lnOf, num, sub, sumOf, unitOf } from '../derive/notation.js';
import { entropyTerms, crossEntropyTerms, klTerms } from '../loss/entropy-terms.js';
import { crossEntropy, entropy, klDivergence, toBase, type LogBase } from '../loss/index.js';

/**
 * The steps a practice problem needs beyond a /derive topic: weights, a change of base, the
 * costliest point, and the distribution sums of /entropy. Every value comes from src/loss.
 */

export function weightedMeanStep(perPoint: ArrayLike<number>, w: readonly number[], loss: number): DerivationStep {
  const total = w.reduce((a, b) => a + b, 0);
  return {
    title: 'Weight each point',
    text: 'With sample weights the mean is Σ wᵢℓᵢ / Σ wᵢ (scikit-learn\'s sample_weight): a point of weight 2 counts as two copies of itself.',
    equation: { tex: 'L_w = \\frac{\\sum_i w_i \\ell_i}{\\sum_i w_i}', unicode: 'L_w = Σᵢ wᵢℓᵢ / Σᵢ wᵢ' },
    plugged: cat(['L_w = \\frac{', 'L_w = ('], joinTerms(w.length, (i) => cat(String(w[i]), ['\\cdot ', '·'], num(perPoint[i] as number)), { tex: '+', unicode: '+' }), [`}{${total}}`, `) / ${total}`], ' = ', num(loss), unitOf(loss, 'nats')),
    check: { quantity: 'weighted mean loss', value: loss },
  };
}

export function inBitsStep(nats: number): DerivationStep {
  const bits = toBase(nats, '2');
  return {
    title: 'Convert to bits',
    text: 'Everything above is in nats (natural log). log₂ x = ln x / ln 2, so divide by ln 2 ≈ 0.6931 for bits.',
    equation: { tex: 'L_{\\text{bits}} = \\frac{L_{\\text{nats}}}{\\ln 2}', unicode: 'L_bits = L_nats / ln 2' },
    plugged: cat(['L_{\\text{bits}} = \\frac{', 'L_bits = '], num(nats), ['}{\\ln 2} = ', ' / ln 2 = '], num(bits), unitOf(bits, 'bits')),
    check: { quantity: 'loss in bits', value: bits },
  };
}

export function costliestStep(perPoint: ArrayLike<number>): DerivationStep {
  const values = Array.from(perPoint);
  const worst = values.indexOf(Math.max(...values));
  return {
    title: 'Find the costliest point',
    text: `Each point costs −ln of the probability it gave its true class; the largest is point ${worst + 1}, the most confident mistake.`,
    equation: { tex: '\\max_i \\ell_i = \\max_i \\big(-\\ln q_i\\big)', unicode: 'maxᵢ ℓᵢ = maxᵢ (−ln qᵢ)' },
    plugged: cat(['\\max(', 'max('], listOf(values.length, (i) => num(values[i] as number)), ') = ', ['\\ell', 'ℓ'], sub(worst), ' = ', num(values[worst] as number), unitOf(values[worst] as number, 'nats')),
    check: { quantity: 'loss of the costliest point', value: values[worst] as number },
  };
}

export type DistributionKind = 'entropy' | 'cross-entropy' | 'kl';

const FORMULAS: Record<DistributionKind, { title: string; text: string; tex: string; unicode: string }> = {
  entropy: {
    title: 'Entropy: the expected surprise',
    text: 'Weight each class\'s surprise −ln q_c by how often it happens, q_c, and add over the classes (Shannon 1948).',
    tex: 'H(q) = -\\sum_c q_c \\ln q_c',
    unicode: 'H(q) = −Σ_c q_c ln q_c',
  },
  'cross-entropy': {
    title: 'Cross-entropy: expecting p, seeing q',
    text: 'Outcomes come from q, but the surprise is measured with the predicted p: −Σ q_c ln p_c. The true distribution q weights, the prediction p goes inside the log.',
    tex: 'H_p(q) = -\\sum_c q_c \\ln p_c',
    unicode: 'Hₚ(q) = −Σ_c q_c ln p_c',
  },
  kl: {
    title: 'KL divergence: the extra surprise',
    text: 'D(q‖p) = Σ q_c ln(q_c / p_c) = Hₚ(q) − H(q): weighted by the true q, never negative, and not symmetric.',
    tex: 'D_{\\mathrm{KL}}(q \\,\\|\\, p) = \\sum_c q_c \\ln \\frac{q_c}{p_c}',
    unicode: 'D_KL(q ‖ p) = Σ_c q_c ln(q_c / p_c)',
  },
};

function termsOf(kind: DistributionKind, q: readonly number[], p: readonly number[]): Float64Array {
  if (kind === 'entropy') return entropyTerms(q);
  return kind === 'cross-entropy' ? crossEntropyTerms(q, p) : klTerms(q, p);
}

function valueOf(kind: DistributionKind, q: readonly number[], p: readonly number[], base: LogBase): number {
  if (kind === 'entropy') return entropy(q, base);
  return kind === 'cross-entropy' ? crossEntropy(q, p, base) : klDivergence(q, p, base);
}

/** Each class's term with its numbers, then the sum, then the base: the steps of an /entropy figure. */
export function distributionSteps(kind: DistributionKind, q: readonly number[], p: readonly number[]): DerivationStep[] {
  const formula = FORMULAS[kind];
  const terms = termsOf(kind, q, p);
  const term = (c: number) => {
    const qc = q[c] as number;
    if (kind === 'entropy') return cat(['-', '−'], num(qc), ' ', lnOf(qc));
    if (kind === 'cross-entropy') return cat(['-', '−'], num(qc), ' ', lnOf(p[c] as number));
    return cat(num(qc), ' ', lnOf((qc / (p[c] as number))));
  };
  const nats = valueOf(kind, q, p, 'e');
  return [
    {
      title: formula.title,
      text: formula.text,
      equation: { tex: formula.tex, unicode: formula.unicode },
      plugged: listOf(q.length, (c) => cat(term(c), ' = ', num(terms[c] as number))),
      check: { quantity: 'each class\'s term in nats', value: Array.from(terms) },
    },
    {
      title: 'Add the terms',
      text: 'The classes\' terms add up (a sum over classes, not a mean).',
      equation: { tex: '\\sum_c (\\text{term}_c)', unicode: 'Σ_c term_c' },
      plugged: cat(sumOf(terms), ' = ', num(nats), unitOf(nats, 'nats')),
      check: { quantity: 'value in nats', value: nats },
    },
  ];
}

export function distributionResult(kind: DistributionKind, q: readonly number[], p: readonly number[], base: LogBase): DerivationResult {
  const names: Record<DistributionKind, [string, string]> = { entropy: ['entropy', 'H(q)'], 'cross-entropy': ['cross-entropy', 'Hₚ(q)'], kl: ['KL divergence', 'D(q‖p)'] };
  const [name, symbol] = names[kind];
  return { name, symbol, value: valueOf(kind, q, p, base), unit: base === '2' ? 'bits' : 'nats' };
}

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareDistributions, klDivergence } from '../../src/loss/index.js';
import { excessOverLinear, klDivTerm } from '../../src/loss/relative-entropy.js';
import { assertClose } from './assert-close.js';

// q and p agree to 13 digits; as float64 each pair sums to exactly 1.
const Q = [0.9456657713430001, 0.05433422865699988];
const P = [0.9456657713430094, 0.05433422865699056];

describe('KL divergence of nearly equal distributions', () => {
  test('GIVEN q and p agreeing to 13 digits THEN D(q‖p) = 8.4632634501294205e-28 to 1e-6, not 0 or a negative rounding', () => {
    // mpmath at 50 digits on the float64 inputs: Σ q ln(q/p) = 8.4632634501294205008755e-28.
    // (mpmath on the decimal strings, normalised as scipy does: 8.4506355484298639e-28; the two
    // differ because the decimals sum to 1 − 2e-17 and 1 − 4e-17, which float64 cannot tell from 1.)
    // scipy 1.10.1: entropy(q, p) = -1.8156159443984195e-17 (rel_entr's terms summed).
    assertClose(klDivergence(Q, P), 8.4632634501294205e-28, 1e-6, 'klDivergence');
    assertClose(compareDistributions(Q, P).kl as number, 8.4632634501294205e-28, 1e-6, 'compareDistributions');
    assertClose(compareDistributions(Q, P, '2').kl as number, 8.4632634501294205e-28 / Math.LN2, 1e-6, 'in bits');
  });

  test('GIVEN the same pair THEN each class term q ln(q/p) keeps its digits (log1p of the exact q − p)', () => {
    // mpmath at 50 digits: q₁ ln(q₁/p₁) = -9.325873406851269e-15, q₂ ln(q₂/p₂) = 9.3258734068521153e-15.
    const terms = compareDistributions(Q, P).contributions.kl ?? [];
    assertClose(terms[0] as number, -9.325873406851269e-15, 1e-12, 'class 1');
    assertClose(terms[1] as number, 9.3258734068521153e-15, 1e-12, 'class 2');
  });

  test('GIVEN the same pair THEN the entropy and cross-entropy stay right to 1e-15', () => {
    // mpmath at 50 digits: H(q) = 0.21108456193225961832, Hₚ(q) = 0.21108456193225961832.
    // scipy 1.10.1: entropy(q) = 0.21108456193225963.
    const report = compareDistributions(Q, P);
    assertClose(report.entropy, 0.21108456193225961832, 1e-15, 'H(q)');
    assertClose(report.crossEntropy as number, 0.21108456193225961832, 1e-15, 'Hₚ(q)');
  });

  test('GIVEN p whose float64 sum is not 1 THEN the renormalisation is taken analytically, D = 2.1441899722741708e-27', () => {
    // mpmath at 50 digits on the float64 inputs, each normalised by its exact sum.
    assertClose(klDivergence([0.1, 0.2, 0.7], [0.1, 0.2, 0.7000000000001]), 2.1441899722741708e-27, 1e-6);
    // mpmath: 2.3809527746518209e-20.
    assertClose(klDivergence([0.3, 0.7], [0.3000000001, 0.6999999999]), 2.3809527746518209e-20, 1e-9);
  });

  test('GIVEN counts against probabilities THEN they are normalised first and D = 0.089870849714614777', () => {
    // mpmath at 50 digits on 1/6, 2/6, 3/6 against 0.2, 0.5, 0.3.
    assertClose(klDivergence([1, 2, 3], [0.2, 0.5, 0.3]), 0.089870849714614777, 1e-14);
    assertClose(klDivergence([1, 2, 3], [2, 5, 3]), 0.089870849714614777, 1e-14);
  });

  test('GIVEN g(x) = (1+x)ln(1+x) − x THEN the series and the closed form agree at the switch and match mpmath', () => {
    // mpmath at 50 digits: g(1e-7) = 4.999999833333341214147308e-15, g(0.5) = 0.10819766216224657297.
    assertClose(excessOverLinear(1e-7), 4.999999833333341214147308e-15, 1e-15);
    assertClose(excessOverLinear(0.5), 0.10819766216224657297, 1e-15);
    assertClose(excessOverLinear(0.0999999), excessOverLinear(0.1), 1e-5);
    assert.equal(excessOverLinear(-1), 1);
    assert.equal(excessOverLinear(0), 0);
  });

  test('GIVEN the zero and infinite conventions THEN q=0 costs p, p=0<q is ∞, 0/0 is 0', () => {
    assert.equal(klDivTerm(0, 0.3), 0.3);
    assert.equal(klDivTerm(0.3, 0), Infinity);
    assert.equal(klDivTerm(0, 0), 0);
    // mpmath: ln 1.25 = 0.22314355131420975577.
    assertClose(klDivergence([0.5, 0.5, 0], [0.4, 0.4, 0.2]), 0.22314355131420975577, 1e-15);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ask } from '../support/core.js';
import { assertClose } from '../loss/assert-close.js';

// Two distributions that agree to 13 digits. As float64 values (what every library computes
// with, and what these decimals name) each pair sums to exactly 1.
const Q = '0.9456657713430001,0.05433422865699988';
const P = '0.9456657713430094,0.05433422865699056';

describe('/entropy KL of nearly equal distributions, without cancellation', () => {
  test('GIVEN q and p agreeing to 13 digits THEN D(q‖p) = 8.4632634501294205e-28 to 1e-6, where H_p − H and scipy\'s entropy cancel', async () => {
    const reply = await ask(`/entropy q=${Q} p=${P}`);
    assert.ok(reply.ok, reply.summary);
    // mpmath at 60 digits on the float64 values: D = 8.463263450129421e-28.
    // scipy 1.10.1: entropy(q, p) = -1.8156159443984195e-17 (its sum of rel_entr terms cancels).
    assertClose(reply.data.kl as number, 8.463263450129421e-28, 1e-6);
  });

  test('GIVEN the same pair THEN each class term q ln(q/p) is right to 1e-12, and H(q), Hₚ(q) stay right', async () => {
    const reply = await ask(`/entropy q=${Q} p=${P}`);
    const terms = (reply.data.contributions as { kl: number[] }).kl;
    // mpmath at 60 digits on the float64 values: [-9.325873406851269e-15, 9.325873406852115e-15].
    // scipy 1.10.1 rel_entr: [-9.34410923e-15, 9.32595307e-15] (q/p rounds before the log).
    assertClose(terms[0] as number, -9.325873406851269e-15, 1e-12, 'class 1');
    assertClose(terms[1] as number, 9.325873406852115e-15, 1e-12, 'class 2');
    // mpmath: H(q) = 0.2110845619322596; scipy 1.10.1: entropy(q) = 0.21108456193225963.
    assertClose(reply.data.entropy as number, 0.2110845619322596, 1e-15, 'H(q)');
    assertClose(reply.data.crossEntropy as number, 0.2110845619322596, 1e-15, 'Hₚ(q)');
  });

  test('GIVEN the pair in bits and as one column of rows THEN the same divergence, scaled by 1/ln 2', async () => {
    const bits = await ask(`/entropy q=${Q} p=${P} base=2`);
    // mpmath: 8.463263450129421e-28 / ln 2 = 1.2209908209238534e-27
    assertClose(bits.data.kl as number, 1.2209908209238534e-27, 1e-6, 'bits');
    const [q1, q2] = Q.split(',');
    const [p1, p2] = P.split(',');
    const rows = await ask(`/entropy q=[[${q1}],[${q2}]] p=[[${p1}],[${p2}]]`);
    assertClose((rows.data.kl as number[])[0] as number, 8.463263450129421e-28, 1e-6, 'one column');
  });

  test('GIVEN three classes, p a hair off summing to 1 THEN each is normalised, D = 2.1441899722741706e-27', async () => {
    // mpmath at 60 digits on the float64 values, each list divided by its sum.
    const reply = await ask('/entropy q=0.1,0.2,0.7 p=0.1,0.2,0.7000000000001');
    assertClose(reply.data.kl as number, 2.1441899722741706e-27, 1e-9);
  });

  test('GIVEN counts against nearly the same probabilities THEN D(q‖p) of the float64 0.3, 0.7, 2.380847040592858e-26', async () => {
    // mpmath at 60 digits with q = (float64 0.3, float64 0.7), as 3/10 and 7/10 are stored; with
    // the exact rationals it would be 2.3811113808974916e-26 (1e-4 away, at 1e-26).
    const reply = await ask('/entropy q=3,7 p=0.3000000000001,0.6999999999999');
    assertClose(reply.data.kl as number, 2.380847040592858e-26, 1e-9);
    const percent = await ask('/entropy q=30%,70% p=0.3000000000001,0.6999999999999');
    assertClose(percent.data.kl as number, 2.380847040592858e-26, 1e-9, 'percentages');
  });
});

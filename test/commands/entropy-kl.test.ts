import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ask } from '../support/core.js';
import { assertClose } from '../loss/assert-close.js';

const Q = '0.9456657713430001,0.05433422865699988';
const P = '0.9456657713430094,0.05433422865699056';

describe('/entropy KL of nearly equal distributions, from the typed decimals', () => {
  test('GIVEN q and p agreeing to 13 digits THEN D(q‖p) = 8.4506355484298639e-28 to 1e-6, the value of the decimals typed', async () => {
    const reply = await ask(`/entropy q=${Q} p=${P}`);
    assert.ok(reply.ok, reply.summary);
    // mpmath at 50 digits on the exact decimals, each normalised by its sum as scipy does:
    // D = 8.4506355484298639056e-28. scipy 1.10.1: entropy(q, p) = -1.8156159443984195e-17.
    // (On the nearest float64 values, which sum to exactly 1, it would be 8.4632634501294205e-28.)
    assertClose(reply.data.kl as number, 8.4506355484298639056e-28, 1e-6);
    assert.ok((reply.data.kl as number) > 0);
  });

  test('GIVEN the same pair THEN each class term is that of the decimals, and H(q), Hₚ(q) stay right', async () => {
    const reply = await ask(`/entropy q=${Q} p=${P}`);
    const terms = (reply.data.contributions as { kl: number[] }).kl;
    // mpmath at 50 digits on the normalised decimals: [-9.3189133154268145e-15, 9.3189133154276595e-15].
    assertClose(terms[0] as number, -9.3189133154268145e-15, 1e-12, 'class 1');
    assertClose(terms[1] as number, 9.3189133154276595e-15, 1e-12, 'class 2');
    // mpmath: H(q) = Hₚ(q) = 0.21108456193225961832 to 20 digits; scipy 1.10.1: entropy(q) = 0.21108456193225963.
    assertClose(reply.data.entropy as number, 0.21108456193225961832, 1e-15, 'H(q)');
    assertClose(reply.data.crossEntropy as number, 0.21108456193225961832, 1e-15, 'Hₚ(q)');
  });

  test('GIVEN the pair in bits and as one column of rows THEN the same divergence, scaled by 1/ln 2', async () => {
    const bits = await ask(`/entropy q=${Q} p=${P} base=2`);
    assertClose(bits.data.kl as number, 8.4506355484298639056e-28 / Math.LN2, 1e-6, 'bits');
    const [q1, q2] = Q.split(',');
    const [p1, p2] = P.split(',');
    const rows = await ask(`/entropy q=[[${q1}],[${q2}]] p=[[${p1}],[${p2}]]`);
    assertClose((rows.data.kl as number[])[0] as number, 8.4506355484298639056e-28, 1e-6, 'one column');
  });

  test('GIVEN counts against nearly the same probabilities THEN D(q‖p) of 3/10, 7/10 exactly, 2.3809523809520786e-26', async () => {
    // mpmath at 50 digits on the decimals: 2.3809523809520786e-26; the float64 path gives 2.38085e-26.
    const reply = await ask('/entropy q=3,7 p=0.3000000000001,0.6999999999999');
    assertClose(reply.data.kl as number, 2.3809523809520786e-26, 1e-9);
    const percent = await ask('/entropy q=30%,70% p=0.3000000000001,0.6999999999999');
    assertClose(percent.data.kl as number, 2.3809523809520786e-26, 1e-9, 'percentages');
  });

  test('GIVEN p whose decimals do not sum to 1 THEN each is normalised exactly, D = 2.1428571428567959e-27', async () => {
    // mpmath at 50 digits on the normalised decimals.
    const reply = await ask('/entropy q=0.1,0.2,0.7 p=0.1,0.2,0.7000000000001');
    assertClose(reply.data.kl as number, 2.1428571428567959e-27, 1e-9);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { registrationPayload } from '../../src/adapters/discord/registration.js';
import { entropyInput } from '../../src/charts/sample-inputs.js';
import { binaryEntropyCurveSpec } from '../../src/charts/specs/binary-entropy-curve.js';
import { usageText } from '../../src/core/usage.js';
import entropyCommand from '../../commands/entropy.js';
import { ask } from '../support/core.js';
import { assertClose } from '../loss/assert-close.js';

describe('/entropy base=', () => {
  test('GIVEN base=3 THEN scipy\'s entropy 0.9372305632161297 in base-3 units', async () => {
    const reply = await ask('/entropy q=0.2,0.3,0.5 base=3');
    assert.ok(reply.ok, reply.summary);
    // scipy 1.10.1: entropy([0.2, 0.3, 0.5], base=3) = 0.9372305632161297
    assertClose(reply.data.entropy as number, 0.9372305632161297, 1e-15);
    assert.equal(reply.data.base, 3);
    assert.equal(reply.data.unit, 'base-3 units');
    assert.match(reply.summary, /\*\*Entropy H\(q\) = 0\.9372 base-3 units\*\* \(log base 3\)/);
    assert.match(reply.summary, /surprises by −log₃ 0\.2 = 1\.465/);
  });

  test('GIVEN base=16 with p THEN scipy\'s entropy and KL, and the cross-entropy ln 2 / ln 16 = 1/4', async () => {
    const reply = await ask('/entropy q=0.3,0.7 p=0.5,0.5 base=16');
    assert.ok(reply.ok, reply.summary);
    // scipy 1.10.1: entropy([0.3, 0.7], base=16) = 0.22032272480767318; entropy([0.3, 0.7], [0.5, 0.5], base=16) = 0.029677275192326824
    assertClose(reply.data.entropy as number, 0.22032272480767318, 1e-15);
    assertClose(reply.data.kl as number, 0.029677275192326824, 1e-14);
    assertClose(reply.data.crossEntropy as number, 0.25, 1e-15);
    assert.equal(reply.data.unit, 'base-16 units');
  });

  test('GIVEN counts and base=1.5 THEN scipy\'s values, normalised first', async () => {
    const reply = await ask('/entropy q=3,7 p=1,1 base=1.5');
    assert.ok(reply.ok, reply.summary);
    // scipy 1.10.1: entropy([3, 7], base=1.5) = 1.5065767432001462; entropy([3, 7], [1, 1], base=1.5) = 0.20293454815130849
    assertClose(reply.data.entropy as number, 1.5065767432001462, 1e-15);
    assertClose(reply.data.kl as number, 0.20293454815130849, 1e-14);
    assert.equal(reply.data.base, 1.5);
    assert.equal(reply.data.unit, 'base-1.5 units');
  });

  test('GIVEN the base written as 3.0, 2.0 or 1e1 THEN the shortest form names it: base-3 units, bits, hartleys', async () => {
    const units = await Promise.all(['3.0', '2.0', '1e1', 'E', '2', '10', 'e'].map(async (b) => (await ask(`/entropy q=0.5,0.5 base=${b}`)).data.unit));
    assert.deepEqual(units, ['base-3 units', 'bits', 'hartleys', 'nats', 'bits', 'hartleys', 'nats']);
    const bits = await ask('/entropy q=0.5,0.5 base=2');
    assert.equal(bits.data.entropy, 1);
    assert.equal(bits.data.base, 2);
  });

  test('GIVEN base=1, 0.5, 0, -2, abc, inf or a list THEN one sentence saying why, never a number', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['1', 'out-of-range', /^base: "1" cannot be a logarithm base: the logarithm of 1 is 0, .*nothing could be measured; give e, 2, 10 or any number above 1\.$/],
      ['0.5', 'out-of-range', /^base: "0\.5" is below 1, and in a base below 1 information would come out negative; give e, 2, 10 or any number above 1\.$/],
      ['0', 'out-of-range', /^base: "0" is not a logarithm base, since a logarithm needs a positive base/],
      ['-2', 'out-of-range', /^base: "-2" is not a logarithm base/],
      ['abc', 'not-a-number', /^base: "abc" is not a number; expected e, 2, 10 or any number above 1\.$/],
      ['inf', 'not-finite', /^base: "inf" is not a finite number/],
      ['1e999', 'not-finite', /^base: "1e999" is not a finite number/],
      ['2,3', 'not-a-number', /^base: "2,3" is not a number/],
    ];
    for (const [base, code, message] of cases) {
      const reply = await ask(`/entropy q=0.5,0.5 base=${base}`);
      assert.equal(reply.ok, false, base);
      assert.equal(reply.error?.code, code, base);
      assert.match(reply.error?.message ?? '', message, base);
      assert.ok(!/NaN|Infinity/.test(reply.summary), base);
    }
  });

  test('GIVEN the option spec THEN Discord registers base as a plain string (no fixed choices) and the usage line shows it', () => {
    const [registered] = registrationPayload([entropyCommand]);
    const base = registered?.options.find((o) => o.name === 'base');
    assert.equal(base?.type, 3);
    assert.equal(base?.choices, undefined);
    assert.equal(base?.required, false);
    assert.ok((base?.description.length ?? 0) <= 100);
    assert.match(usageText(entropyCommand), /\[base=e\|2\|10\|<b>\]/);
  });

  test('GIVEN base 3 THEN the binary entropy curve is drawn in base-3 units, its top log₃ 2 = 0.6309297535714574', () => {
    const spec = binaryEntropyCurveSpec({ ...entropyInput(['a', 'b'], [0.3, 0.7]), unit: 'base-3 units', logBase: 3 }, 'light');
    const text = JSON.stringify(spec);
    const top = /"x":0\.5,"value":([0-9.e-]+)/.exec(text)?.[1];
    // mpmath: ln 2 / ln 3 = 0.63092975357145743710.
    assertClose(Number(top), 0.6309297535714574371, 1e-15);
    assert.match(text, /base-3 units/);
  });

  test('GIVEN base=3 on /logloss THEN it still takes only e, 2 or 10', async () => {
    const reply = await ask('/logloss y=1,0 p=0.9,0.2 base=3');
    assert.equal(reply.error?.code, 'invalid-choice');
  });
});

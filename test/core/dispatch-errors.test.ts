import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Reply } from '../../src/core/reply.js';
import { ask, createTestDispatcher, textContext } from '../support/core.js';

/** A user error: not ok, the expected code, one sentence that names what it must, the usage line. */
async function expectUserError(line: string, code: string, ...mentions: Array<string | RegExp>): Promise<Reply> {
  const reply = await ask(line);
  assert.equal(reply.ok, false, `${line} should be a user error`);
  assert.equal(reply.error?.code, code, `${line}: ${reply.error?.message}`);
  for (const mention of mentions) {
    if (typeof mention === 'string') assert.ok(reply.error?.message.includes(mention), `${line}: "${reply.error?.message}" should mention ${mention}`);
    else assert.match(reply.error?.message ?? '', mention);
  }
  assert.equal(JSON.stringify(reply.data), '{}');
  return reply;
}

describe('dispatch: every class of bad input is one clear sentence plus usage', () => {
  test('GIVEN an unknown command THEN it is named with a suggestion and the command list', async () => {
    const reply = await expectUserError('/logloos y=1 p=0.5', 'unknown-command', '"/logloos"', 'did you mean /logloss?', '/entropy');
    assert.equal(reply.error?.usage, undefined);
  });

  test('GIVEN an empty line THEN the commands are listed', async () => {
    await expectUserError('   ', 'empty-command', '/logloss');
  });

  test('GIVEN an unknown option THEN it is named with a suggestion and the usage line follows', async () => {
    const reply = await expectUserError('/logloss y=1 prob=0.5', 'unknown-option', '"prob"', 'y, p, logits, x, w, c, penalty, intercept, class_weight, base, file, labels, convention, reduction, eps, pos_weight, smoothing, bins');
    assert.match(reply.error?.usage ?? '', /^Usage: \/logloss y=<labels> \(p=<probabilities> \| logits=<logits> \| x=<features>\) \[w=<weights>\] \[c=<C>\] \[penalty=l2\|none\] \[intercept=true\|false\] \[class_weight=balanced\|0:<w>,1:<w>\] \[base=e\|2\|10\] \[labels=<classes>\] \[convention=sklearn\|kaggle\|torch\|keras\] .*\[bins=<bins>\]  or  \/logloss file=<data\.csv> \[base=e\|2\|10\] \[convention=sklearn\|kaggle\|torch\|keras\]$/);
    assert.ok(reply.summary.endsWith(reply.error?.usage ?? 'missing'));
  });

  test('GIVEN a suggestion-worthy typo THEN did you mean', async () => {
    await expectUserError('/logloss y=1 lgits=0.5', 'unknown-option', 'did you mean logits?');
  });

  test('GIVEN a duplicated option THEN it is named', async () => {
    await expectUserError('/logloss y=1 p=0.5 p=0.6', 'duplicate-option', 'p is given twice');
  });

  test('GIVEN no labels THEN y is missing and its meaning said', async () => {
    await expectUserError('/logloss p=0.5', 'missing-option', 'The option y is missing');
  });

  test('GIVEN none of p, logits, x THEN one of them is asked for', async () => {
    await expectUserError('/logloss y=1,0', 'missing-option', 'p, logits, x, file');
  });

  test('GIVEN p and logits together THEN only one is allowed', async () => {
    await expectUserError('/logloss y=1 p=0.5 logits=2', 'conflicting-options', 'Give only one of p, logits');
  });

  test('GIVEN an empty list THEN the option is named empty', async () => {
    await expectUserError('/logloss y=1 p=', 'empty-value', 'The option p is empty');
    await expectUserError('/logloss y=[] p=0.5', 'empty-value', 'The option y is empty');
  });

  test('GIVEN NaN or Infinity anywhere THEN not-finite, never a number', async () => {
    await expectUserError('/logloss y=1 p=NaN', 'not-finite', 'p: "NaN"');
    await expectUserError('/logloss y=1 logits=Infinity', 'not-finite', 'logits: "Infinity"');
    await expectUserError('/logloss y=1 logits=1e999', 'not-finite');
  });

  test('GIVEN a word in a number list THEN not-a-number names the token and the expectation', async () => {
    await expectUserError('/logloss y=1,0 p=0.9,high', 'not-a-number', 'p: "high" is not a number; expected probabilities from 0 to 1');
  });

  test('GIVEN a bare 85 as a probability THEN the classic mistake is answered with 0.85', async () => {
    await expectUserError('/logloss y=1 p=85', 'looks-like-percent', 'did you mean 0.85?');
  });

  test('GIVEN a label outside [0, 1] THEN out-of-range', async () => {
    await expectUserError('/logloss y=2 p=0.5', 'out-of-range', 'y: "2"');
  });

  test('GIVEN lengths that differ THEN both counts are said', async () => {
    await expectUserError('/logloss y=1,0,1 p=0.9,0.2', 'length-mismatch', 'p has 2 values but y has 3');
    await expectUserError('/logloss y=1,0 p=0.9,0.2 w=1', 'length-mismatch', 'w has 1 value but y has 2');
  });

  test('GIVEN negative or all-zero weights THEN weights are explained', async () => {
    await expectUserError('/logloss y=1,0 p=0.9,0.2 w=1,-1', 'out-of-range', 'w: "-1"');
    await expectUserError('/logloss y=1,0 p=0.9,0.2 w=0,0', 'weights-all-zero', 'every weight is 0');
  });

  test('GIVEN a base that is not e, 2 or 10 THEN the choices are listed', async () => {
    await expectUserError('/logloss y=1 p=0.5 base=3', 'invalid-choice', 'base: "3" is not one of e, 2, 10');
  });

  test('GIVEN soft labels or one class or constant x with x= THEN logistic regression explains why not', async () => {
    await expectUserError('/logloss y=0.5,1 x=1,2', 'labels-not-binary', 'y: "0.5"');
    await expectUserError('/logloss y=1,1,1 x=1,2,3', 'one-class', /both classes/);
    await expectUserError('/logloss y=0,1,1 x=2,2,2', 'constant-x');
  });

  test('GIVEN more values than fit in a message THEN the limit is said and CSV suggested', async () => {
    const many = Array.from({ length: 10_001 }, () => '0.5').join(',');
    await expectUserError(`/logloss y=1 p=${many}`, 'too-many-values', '10,000', 'CSV');
  });

  test('GIVEN /entropy with negative values, all zeros or mismatched p THEN clear errors', async () => {
    await expectUserError('/entropy q=-0.3,1.3', 'out-of-range', 'q: "-0.3"');
    await expectUserError('/entropy q=0,0', 'all-zero', 'q: every value is 0');
    await expectUserError('/entropy q=0.3,0.7 p=1,0,0', 'length-mismatch', 'p has 3 values but q has 2');
    await expectUserError('/entropy q=0.5,0.5 p=cat,dog', 'conflicting-options', 'both as labels');
    await expectUserError('/entropy q=cat,dog,cat p=0.5', 'length-mismatch', 'q has 2 classes (cat, dog)');
    await expectUserError('/entropy q=0.5,nan', 'not-finite');
  });

  test('GIVEN a file that cannot be read or a CSV beside inline data THEN clear errors', async () => {
    await expectUserError('/logloss file=missing.csv', 'file-unreadable', 'missing.csv');
    const reply = await ask('/logloss file=a.csv y=1', { 'a.csv': 'y,p\n1,0.5' });
    assert.equal(reply.error?.code, 'conflicting-options');
  });
});

describe('dispatch: typed option maps (what Discord sends)', () => {
  test('GIVEN typed options THEN the same answer as the text form', async () => {
    const dispatcher = createTestDispatcher();
    const typed = await dispatcher.handle({ command: 'logloss', options: [{ name: 'y', value: '1,0,1' }, { name: 'p', value: '0.9, 0.2, 0.7' }, { name: 'base', value: '2' }] }, textContext());
    const text = await ask('/logloss y=1,0,1 p=0.9,0.2,0.7 base=2');
    assert.ok(typed.ok);
    assert.equal(typed.data.loss, text.data.loss);
  });

  test('GIVEN a typed option with a bad value THEN the same user error as text', async () => {
    const reply = await createTestDispatcher().handle({ command: 'entropy', options: [{ name: 'q', value: 'NaN' }] }, textContext());
    assert.equal(reply.error?.code, 'not-finite');
  });
});

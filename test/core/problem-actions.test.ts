import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { answerLine, problemActionId, readProblemActionId, showLine } from '../../src/core/problem-actions.js';

describe('practice problem buttons', () => {
  test('GIVEN each button of a problem THEN its id reads back to the same button and problem, within Discord\'s 100 characters', () => {
    for (const action of ['answer', 'hint', 'solution'] as const) {
      const id = problemActionId(action, 'xent2b-ffff');
      assert.ok(id.length <= 100);
      assert.deepEqual(readProblemActionId(id), { action, problemId: 'xent2b-ffff' });
    }
  });

  test('GIVEN another app\'s id, a paging id or a tampered problem id THEN it is not ours', () => {
    for (const id of ['lb2:n3', 'lbq:x:bce1a-34b', 'lbq:a:', 'lbq:a:bce1a 34b', 'lbq:a:/logloss y=1', 'other']) assert.equal(readProblemActionId(id), undefined, id);
  });

  test('GIVEN what a student types in the answer box THEN one /answer line, spaces and line breaks collapsed; an empty box asks for a value', () => {
    assert.equal(answerLine('bce1a-34b', '  0.163\n nats '), '/answer id=bce1a-34b value=0.163 nats');
    assert.equal(answerLine('bce1a-34b', ' \n'), '/answer id=bce1a-34b');
    assert.equal(showLine('bce1a-34b', 'hint'), '/answer id=bce1a-34b show=hint');
  });
});

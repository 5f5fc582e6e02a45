import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { carriedLine, PAGE_ID_MAX, PAGE_LINE_MAX, pageButtons, pageId, readPageId } from '../../src/core/paging.js';

describe('paging ids', () => {
  it('GIVEN a click THEN its id reads back to the same action and step, with no line', () => {
    const id = pageId({ action: 'next', step: 3 });
    assert.equal(id, 'lb2:n3');
    assert.deepEqual(readPageId(id), { action: 'next', step: 3 });
  });

  it('GIVEN any action and step THEN the id round-trips and stays far below 100 characters', () => {
    fc.assert(
      fc.property(fc.constantFrom('prev', 'next', 'all', 'delete'), fc.integer({ min: 0, max: 999 }), (action, step) => {
        const id = pageId({ action, step });
        assert.ok(id.length <= PAGE_ID_MAX);
        assert.deepEqual(readPageId(id), { action, step });
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('GIVEN an lb1 id from an older message THEN it still reads, with its line', () => {
    assert.deepEqual(readPageId('lb1:n1:/derive topic=bce y=1 p=0.85'), { action: 'next', step: 1, line: '/derive topic=bce y=1 p=0.85' });
  });

  it('GIVEN ids that are not ours THEN nothing is read', () => {
    for (const id of ['', 'lb1', 'lb2', 'lb2:n1:/derive', 'lb2:x1', 'lb2:n1234', 'lb1:x1:/derive', 'lb1:n1:derive', 'lb1:n1234:/derive', 'other-bot-button']) assert.equal(readPageId(id), undefined, id);
  });

  it('GIVEN the 10-point line past 100 characters THEN buttons are made; only a line too long to carry gets none', () => {
    const long = '/derive topic=bce y=0,0,1,0,1,1,1,1,1,1 p=0.12,0.23,0.34,0.45,0.56,0.67,0.78,0.89,0.91,0.95';
    const ids = pageButtons(long, 0, 5);
    assert.ok(ids);
    assert.equal(new Set(Object.values(ids)).size, 4);
    assert.equal(readPageId(ids.prev)?.step, 0);
    assert.equal(readPageId(ids.next)?.step, 1);
    assert.equal(pageButtons(`/derive topic=bce p=${'0.1,'.repeat(PAGE_LINE_MAX)}`, 0, 5), undefined);
  });

  it('GIVEN a message\'s texts THEN the carried line is the first that reads as a command', () => {
    assert.equal(carriedLine([undefined, 'Step 2 of 5', '/derive topic=bce y=1 p=0.85']), '/derive topic=bce y=1 p=0.85');
    assert.equal(carriedLine(['not a command', null]), undefined);
  });
});

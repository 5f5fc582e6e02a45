import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { PAGE_ID_MAX, pageButtons, pageId, readPageId } from '../../src/core/paging.js';

describe('paging ids', () => {
  it('GIVEN a request THEN its id reads back to the same request', () => {
    const request = { action: 'next' as const, step: 3, line: '/derive topic=bce y=1,0 p=0.85,0.3' };
    const id = pageId(request);
    assert.ok(id);
    assert.deepEqual(readPageId(id), request);
  });

  it('GIVEN any short line and step THEN the id round-trips and never passes 100 characters', () => {
    fc.assert(
      fc.property(fc.constantFrom('prev', 'next', 'all', 'delete'), fc.integer({ min: 0, max: 999 }), fc.string({ maxLength: 120 }), (action, step, tail) => {
        const line = `/derive ${tail}`;
        const id = pageId({ action, step, line });
        if (id === undefined) return line.length + 8 > PAGE_ID_MAX;
        assert.ok(id.length <= PAGE_ID_MAX);
        assert.deepEqual(readPageId(id), { action, step, line });
        return true;
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('GIVEN ids that are not ours THEN nothing is read', () => {
    for (const id of ['', 'lb1', 'lb2:n1:/derive', 'lb1:x1:/derive', 'lb1:n1:derive', 'lb1:n1234:/derive', 'other-bot-button']) assert.equal(readPageId(id), undefined, id);
  });

  it('GIVEN a line too long for Discord THEN no buttons are made', () => {
    assert.equal(pageButtons(`/derive topic=bce p=${'0.123456789,'.repeat(10)}`, 0, 5), undefined);
    const ids = pageButtons('/derive topic=bce y=1 p=0.85', 0, 5);
    assert.ok(ids);
    assert.equal(new Set(Object.values(ids)).size, 4);
    assert.equal(readPageId(ids.prev)?.step, 0);
    assert.equal(readPageId(ids.next)?.step, 1);
  });
});

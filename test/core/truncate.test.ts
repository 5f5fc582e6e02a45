import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { truncate } from '../../src/core/truncate.js';

describe('truncate', () => {
  test('GIVEN text within the limit THEN it is unchanged; longer THEN cut to the limit with an ellipsis', () => {
    assert.equal(truncate('log loss', 8), 'log loss');
    assert.equal(truncate('log loss', 5), 'log …');
    assert.equal(truncate('log loss', 5).length, 5);
  });

  test('GIVEN a cut that would fall inside an emoji THEN the whole emoji goes, never half of it', () => {
    const cut = truncate('ab😀cd', 4);
    assert.equal(cut, 'ab…');
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(cut), 'no lone high surrogate');
  });
});

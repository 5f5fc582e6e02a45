import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LruCache } from '../../src/core/lru-cache.js';

describe('LruCache', () => {
  test('GIVEN more entries than the capacity THEN the least recently used one is dropped and handed to onEvict', () => {
    const evicted: string[] = [];
    const cache = new LruCache<string, string>(2, (value) => evicted.push(value));
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.get('a');
    cache.set('c', 'C');
    assert.deepEqual(evicted, ['B']);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 'A');
    cache.set('a', 'A2');
    assert.deepEqual(evicted, ['B'], 'replacing a key evicts nothing');
    assert.equal(cache.size, 2);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError } from '../../src/config.js';
import { readOpsConfig } from '../../src/ops/ops-config.js';

describe('HEALTH_PORT and HEALTH_HOST', () => {
  test('GIVEN nothing set THEN no port of its own, and 127.0.0.1 when one is set', () => {
    assert.deepEqual(readOpsConfig({}), { port: undefined, host: '127.0.0.1' });
    assert.deepEqual(readOpsConfig({ HEALTH_PORT: '', HEALTH_HOST: '' }), { port: undefined, host: '127.0.0.1' });
    assert.deepEqual(readOpsConfig({ HEALTH_PORT: '9090', HEALTH_HOST: '0.0.0.0' }), { port: 9090, host: '0.0.0.0' });
  });

  test('GIVEN a shard process of npm run start:sharded THEN HEALTH_PORT plus its shard id; port 0 stays 0', () => {
    assert.equal(readOpsConfig({ HEALTH_PORT: '9090', SHARDS: '0' }).port, 9090);
    assert.equal(readOpsConfig({ HEALTH_PORT: '9090', SHARDS: '3' }).port, 9093);
    assert.equal(readOpsConfig({ HEALTH_PORT: '0', SHARDS: '3' }).port, 0);
  });

  test('GIVEN a port that is not one THEN a ConfigError naming HEALTH_PORT, not its value', () => {
    for (const bad of ['http', '70000', '-1', '80.5']) {
      assert.throws(() => readOpsConfig({ HEALTH_PORT: bad }), (error: unknown) => error instanceof ConfigError && /^Invalid health settings: HEALTH_PORT: /.test(error.message) && !error.message.includes(bad));
    }
  });
});

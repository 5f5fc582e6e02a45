import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { createLossbot } from '../../src/app.js';
import { startSlack } from '../../src/adapters/slack/start-slack.js';
import { createLogger } from '../../src/core/logger.js';
import { FakeSlack } from '../slack/fake-slack.js';

describe('the Slack check in Socket Mode: real Bolt against the fake Slack', () => {
  test('GIVEN the socket connected THEN ok; GIVEN the fake Slack gone THEN "socket mode not connected"', { timeout: 30_000 }, async () => {
    const fake = await new FakeSlack().start();
    const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
    const bot = createLossbot({ logger, charts: false });
    const slack = await startSlack({ config: { mode: 'socket', botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: fake.apiUrl }, lossbot: bot, logger, retries: 0 });
    try {
      await fake.socketConnected();
      assert.equal(await slack.health(), 'ok');
      assert.ok(slack.socket, 'Socket Mode hands over its client');
      const socket = slack.socket;
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      await fake.stop();
      await closed;
      assert.equal(await slack.health(), 'socket mode not connected');
    } finally {
      // Before the client's reconnect timer (5 s) fires: it would ask the stopped fake for a new socket.
      await slack.stop();
      await bot.close();
    }
  });
});

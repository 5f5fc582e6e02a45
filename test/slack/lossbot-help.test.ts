import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { commands } from '../../commands/index.js';
import { createLossbot, type Lossbot } from '../../src/app.js';
import type { RunningAdapter } from '../../src/adapters/running-adapter.js';
import { startSlack } from '../../src/adapters/slack/start-slack.js';
import { createLogger } from '../../src/core/logger.js';
import { FakeSlack, type SlackRequest } from './fake-slack.js';
import { postSigned, SIGNING_SECRET, slashForm } from './signed-request.js';

let fake: FakeSlack;
let bot: Lossbot;
let http: RunningAdapter & { port?: number };
let port = 0;

type Field = { type: string; text: string };
const fieldsOf = (request: SlackRequest): Field[] =>
  ((request.body.blocks ?? []) as Array<{ type: string; fields?: Field[] }>).flatMap((b) => b.fields ?? []);

before(async () => {
  fake = await new FakeSlack().start();
  const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  bot = createLossbot({ logger, charts: true, chartThreads: 1 });
  http = await startSlack({ config: { mode: 'http', botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, port: 0, apiUrl: fake.apiUrl }, lossbot: bot, logger, host: '127.0.0.1', retries: 0 });
  port = http.port ?? 0;
});

after(async () => {
  await http.stop();
  await bot.close();
  await fake.stop();
});

describe('Slack: /lossbot help', () => {
  for (const [channel, text] of [['C1', ''], ['C2', 'help']] as const) {
    test(`GIVEN /lossbot with text "${text}" THEN acknowledged at once and the help posted in the channel, one field per command`, async () => {
      const response = await postSigned(port, { ...slashForm('/lossbot', text, fake.responseUrl(`h-${channel}`)), channel_id: channel });
      assert.equal(response.status, 200);
      assert.equal(await response.text(), '', 'a plain acknowledgement, not an error');
      const post = await fake.request('/api/chat.postMessage', (r) => r.body.channel === channel);
      assert.match(String(post.body.text), /^lossbot: every command/);
      const fields = fieldsOf(post).map((f) => f.text);
      for (const command of commands) {
        assert.ok(fields.some((f) => f.startsWith(`*/${command.name}*\n`) && f.includes(`\`${command.examples[0]}\``)), `a field for /${command.name} with its example`);
      }
      assert.ok(fields.some((f) => f.includes('the README in the lossbot repository')));
    });
  }
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { commands } from '../../commands/index.js';
import type { FakeSlack, SlackRequest } from './fake-slack.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import { postSigned, slashForm } from './signed-request.js';

let harness: SlackHarness;
let fake: FakeSlack;
let port = 0;

type Field = { type: string; text: string };
const fieldsOf = (request: SlackRequest): Field[] =>
  ((request.body.blocks ?? []) as Array<{ type: string; fields?: Field[] }>).flatMap((b) => b.fields ?? []);

before(async () => {
  harness = await startSlackHarness();
  ({ fake, port } = harness);
});

after(() => harness.stop());

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

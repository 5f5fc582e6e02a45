import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_LIMITS } from '../../src/config.js';
import { startDiscordHarness, type DiscordHarness } from './discord-harness.js';
import { APP_ID, EPHEMERAL, type FakeDiscord } from './fake-discord.js';
import { buttonClick, modalSubmit, OTHER } from './interactions.js';

// The formula card's problem (y = 1, p = 0.85); 0.5 matches no slip, so it gets the paged solution.
const CARD = 'bce1a-34b';
const BURST = 2;
let harness: DiscordHarness;
let fake: FakeDiscord;

interface MessageBody { embeds: Array<{ title?: string }>; components?: Array<{ components: Array<{ custom_id: string; label: string }> }> }
const editOf = async (interaction: { token: string }) =>
  (await fake.request('PATCH', new RegExp(`^/api/v10/webhooks/${APP_ID}/${interaction.token}/messages/@original$`))).json as MessageBody;

before(async () => {
  // A burst of 2 commands and almost no refill; page clicks keep their own, larger allowance.
  harness = await startDiscordHarness({ charts: false, limits: { ...DEFAULT_LIMITS, user: { capacity: BURST, perMinute: 0.01 } } });
  ({ fake } = harness);
});

after(() => harness.stop());

describe('Discord: the answer box and the problem buttons are admitted as commands', () => {
  test('GIVEN a burst of 2 THEN a third answer (box or Hint) is refused at once and privately, while paging the solution still works', { timeout: 20_000 }, async () => {
    const problem = fake.message({ embeds: [{ title: 'Practice: bce, level 1', footer: { text: 'Answer in nats, 3 decimals' } }] });
    const wrong = modalSubmit(`lbq:a:${CARD}`, { value: '0.5' }, problem, OTHER);
    fake.dispatch('INTERACTION_CREATE', wrong);
    assert.equal((await fake.callback(wrong)).type, 5);
    const solution = await editOf(wrong);
    const right = modalSubmit(`lbq:a:${CARD}`, { value: '0.163' }, problem, OTHER);
    fake.dispatch('INTERACTION_CREATE', right);
    assert.equal((await fake.callback(right)).type, 5);

    const third = modalSubmit(`lbq:a:${CARD}`, { value: '0.163' }, problem, OTHER);
    fake.dispatch('INTERACTION_CREATE', third);
    const refused = await fake.callback(third);
    assert.equal(refused.type, 4);
    assert.equal(refused.data?.flags, EPHEMERAL);
    assert.match(refused.data?.content ?? '', /faster than lossbot answers them for one person/);
    const hint = buttonClick(`lbq:h:${CARD}`, problem, OTHER);
    fake.dispatch('INTERACTION_CREATE', hint);
    assert.equal((await fake.callback(hint)).type, 4, 'a Hint is a command too');

    const next = solution.components?.[0]?.components.find((b) => b.label === 'Next')?.custom_id ?? '';
    const page = buttonClick(next, fake.message(solution, { flags: EPHEMERAL }), OTHER, OTHER);
    fake.dispatch('INTERACTION_CREATE', page);
    assert.equal((await fake.callback(page)).type, 6);
    assert.match((await editOf(page)).embeds[0]?.title ?? '', /^Step 2 of 5: /);
  });
});

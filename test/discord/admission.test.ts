import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_LIMITS } from '../../src/config.js';
import { startDiscordHarness, type DiscordHarness } from './discord-harness.js';
import { APP_ID, type FakeDiscord } from './fake-discord.js';
import { slashCommand } from './interactions.js';

const BURST = 5;
let harness: DiscordHarness;
let fake: FakeDiscord;

/** A predictions CSV of `rows` points, as a student would upload it. */
function predictionsCsv(rows: number): Buffer {
  const lines = ['y,p'];
  for (let i = 0; i < rows; i++) lines.push(`${i % 2},${((i % 97) + 1) / 99}`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

before(async () => {
  // One student's burst of 5 and almost no refill: the 6th command within the test is over the limit.
  harness = await startDiscordHarness({ charts: false, limits: { ...DEFAULT_LIMITS, concurrency: 8, user: { capacity: BURST, perMinute: 0.01 } } });
  ({ fake } = harness);
});

after(() => harness.stop());

describe('Discord: admission comes before any download', () => {
  test('GIVEN 8 uploads of a 100,000-row CSV from one student with a burst of 5 THEN only 5 are downloaded; 3 are told to wait, at once and privately', { timeout: 60_000 }, async () => {
    const body = predictionsCsv(100_000);
    fake.files.set('big.csv', { body, type: 'text/csv' });
    const interactions = Array.from({ length: 8 }, () =>
      slashCommand('logloss', {}, { attachment: { filename: 'big.csv', url: `http://127.0.0.1:${fake.port}/files/big.csv`, size: body.byteLength, contentType: 'text/csv' } }),
    );
    for (const interaction of interactions) fake.dispatch('INTERACTION_CREATE', interaction);
    const callbacks = await Promise.all(interactions.map((i) => fake.request('POST', new RegExp(`^/api/v10/interactions/${i.id}/`))));
    const kinds = callbacks.map((c) => (c.json as { type: number }).type);
    assert.equal(kinds.filter((type) => type === 5).length, BURST, 'five deferrals');
    const refused = callbacks.filter((c) => (c.json as { type: number }).type === 4).map((c) => (c.json as { data: { content: string; flags: number } }).data);
    assert.equal(refused.length, 3);
    for (const data of refused) {
      assert.equal(data.flags, 64);
      assert.match(data.content, /faster than lossbot answers them for one person/);
    }
    const deferred = interactions.filter((_, k) => kinds[k] === 5);
    for (const interaction of deferred) {
      const edit = await fake.request('PATCH', new RegExp(`^/api/v10/webhooks/${APP_ID}/${interaction.token}/messages/@original$`));
      assert.match(JSON.stringify(edit.json), /100,000 points|nats/);
    }
    assert.equal(fake.requests.filter((r) => r.path === '/files/big.csv').length, BURST, 'the refused uploads were never downloaded');
  });
});

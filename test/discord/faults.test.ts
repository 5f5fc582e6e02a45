import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { createLossbot, type Lossbot } from '../../src/app.js';
import { DEFAULT_LIMITS } from '../../src/config.js';
import { startDiscord } from '../../src/adapters/discord/start-discord.js';
import type { RunningAdapter } from '../../src/adapters/running-adapter.js';
import { createLogger } from '../../src/core/logger.js';
import { APP_ID, FakeDiscord } from './fake-discord.js';
import { slashCommand } from './interactions.js';

let fake: FakeDiscord;
let bot: Lossbot;
let adapter: RunningAdapter;

before(async () => {
  fake = await new FakeDiscord().start();
  const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  bot = createLossbot({ logger, charts: false, limits: { ...DEFAULT_LIMITS, user: { capacity: 100, perMinute: 600 } } });
  // Production settings: discord.js's own retries stay on.
  adapter = await startDiscord({ config: { token: 'fake-token.for-tests.only-0123456789', guildId: undefined, apiUrl: fake.apiUrl }, lossbot: bot, logger });
});

after(async () => {
  await adapter.stop();
  await bot.close();
  await fake.stop();
});

const editPath = (token: string) => new RegExp(`^/api/v10/webhooks/${APP_ID}/${token}/messages/@original$`);

describe('Discord faults: the answer still arrives', () => {
  test('GIVEN a 500 on the edit, then success THEN discord.js retries and the answer is delivered', async () => {
    const interaction = slashCommand('entropy', { q: '0.3,0.7' });
    fake.failNext.set(`PATCH /api/v10/webhooks/${APP_ID}/${interaction.token}`, [{ status: 500 }]);
    fake.dispatch('INTERACTION_CREATE', interaction);
    const edit = await fake.request('PATCH', editPath(interaction.token));
    assert.match(JSON.stringify(edit.json), /0\.6109/);
    assert.ok(fake.requests.some((r) => r.path.includes(interaction.token) && r.path.includes('(faulted 500)')));
  });

  test('GIVEN a 429 with retry-after THEN the edit waits and is delivered', async () => {
    const interaction = slashCommand('entropy', { q: '0.2,0.8' });
    fake.failNext.set(`PATCH /api/v10/webhooks/${APP_ID}/${interaction.token}`, [
      { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.2, global: false }, headers: { 'retry-after': '0.2', 'x-ratelimit-scope': 'user' } },
    ]);
    fake.dispatch('INTERACTION_CREATE', interaction);
    const edit = await fake.request('PATCH', editPath(interaction.token));
    assert.match(JSON.stringify(edit.json), /0\.5004/);
  });

  test('GIVEN the gateway drops the connection THEN the session resumes and the next interaction is answered', async () => {
    const identifiesBefore = fake.identified.length;
    const resumed = fake.resumed();
    fake.dropConnections(4000);
    await resumed;
    const interaction = slashCommand('entropy', { q: '0.4,0.6' });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const edit = await fake.request('PATCH', editPath(interaction.token));
    assert.match(JSON.stringify(edit.json), /0\.673/);
    assert.equal(fake.identified.length, identifiesBefore, 'resumed, not identified again');
  });
});

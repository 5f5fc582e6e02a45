import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { createLossbot, type Lossbot } from '../../src/app.js';
import { DEFAULT_LIMITS } from '../../src/config.js';
import { startDiscord } from '../../src/adapters/discord/start-discord.js';
import type { RunningAdapter } from '../../src/adapters/running-adapter.js';
import { createLogger } from '../../src/core/logger.js';
import { RequestLog } from '../support/request-log.js';
import { APP_ID, FakeDiscord } from './fake-discord.js';
import { slashCommand } from './interactions.js';

const MAX_LINE_BYTES = 8 * 1024;
const TOKEN = 'fake-token.for-tests.only-0123456789';

interface LogLine {
  text: string;
  json: { msg?: string; err?: { status?: number; method?: string; url?: string; stack?: string } };
}

let fake: FakeDiscord;
let bot: Lossbot;
let adapter: RunningAdapter;
const logs = new RequestLog<LogLine>();

const loggedFailure = (status: number) => logs.next((line) => line.json.err?.status === status);

/** Every line logged since line `from`. */
function assertClean(secret: string, from: number): void {
  for (const line of logs.all.slice(from)) {
    assert.ok(Buffer.byteLength(line.text) <= MAX_LINE_BYTES, `a log line of ${Buffer.byteLength(line.text)} bytes: ${line.text.slice(0, 200)}`);
    assert.equal(line.text.includes(secret), false, `the interaction token reached the log: ${line.text.slice(0, 300)}`);
    assert.equal(line.text.includes('requestBody'), false, 'a request body reached the log');
    assert.equal(line.text.includes(TOKEN), false, 'the bot token reached the log');
  }
}

before(async () => {
  fake = await new FakeDiscord().start();
  const logger = createLogger('info', new Writable({
    write: (chunk, _e, done) => {
      const text = String(chunk);
      logs.add({ text, json: JSON.parse(text) as LogLine['json'] });
      done();
    },
  }));
  bot = createLossbot({ logger, charts: true, chartThreads: 1, limits: { ...DEFAULT_LIMITS, user: { capacity: 100, perMinute: 600 } } });
  adapter = await startDiscord({ config: { token: TOKEN, guildId: undefined, apiUrl: fake.apiUrl }, lossbot: bot, logger, restRetries: 0 });
});

after(async () => {
  await adapter.stop();
  await bot.close();
  await fake.stop();
});

describe('Discord failures are logged without secrets or bodies', () => {
  test('GIVEN the edit carrying a /logloss answer and its PNGs fails THEN the log has the status and a redacted url, and no token, no body, no line over 8 KB', async () => {
    const from = logs.all.length;
    const interaction = slashCommand('logloss', { y: '1,0,1', p: '0.9,0.2,0.7' });
    fake.failNext.set(`PATCH /api/v10/webhooks/${APP_ID}/${interaction.token}`, [{ status: 500 }]);
    fake.dispatch('INTERACTION_CREATE', interaction);
    const failure = await loggedFailure(500);
    await fake.request('POST', new RegExp(`^/api/v10/webhooks/${APP_ID}/${interaction.token}$`));
    const faulted = fake.requests.find((r) => r.method === 'PATCH' && r.path.includes(interaction.token) && r.path.endsWith('(faulted 500)'));
    assert.ok(faulted && faulted.files.some((f) => f.name.endsWith('.png')), 'the failed edit carried PNG files');
    assertClean(interaction.token, from);
    assert.equal(failure.json.err?.method, 'PATCH');
    // discord.js percent-encodes the @ of @original.
    assert.match(failure.json.err?.url ?? '', new RegExp(`/webhooks/${APP_ID}/\\[redacted\\]/messages/%40original$`));
    assert.ok(failure.json.err?.stack, 'the stack is kept');
  });

  test('GIVEN the deferral is refused (Unknown interaction) THEN the logged callback url carries no token', async () => {
    const from = logs.all.length;
    const interaction = slashCommand('logloss', { y: '1,0', p: '0.8,0.3' });
    fake.failNext.set(`POST /api/v10/interactions/${interaction.id}/${interaction.token}/callback`, [{ status: 404, body: { message: 'Unknown interaction', code: 10062 } }]);
    fake.dispatch('INTERACTION_CREATE', interaction);
    const failure = await loggedFailure(404);
    assertClean(interaction.token, from);
    assert.match(failure.json.err?.url ?? '', new RegExp(`/interactions/${interaction.id}/\\[redacted\\]/callback\\?`));
  });
});

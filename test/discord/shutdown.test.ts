import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { launchArgs, ROOT } from '../support/run-process.js';
import { APP_ID, FakeDiscord } from './fake-discord.js';
import { slashCommand } from './interactions.js';

let fake: FakeDiscord;
before(async () => {
  fake = await new FakeDiscord().start();
});
const children = new Set<ReturnType<typeof spawn>>();
after(async () => {
  // A test that timed out never reaches its own finally: no bot may outlive the suite.
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await fake.stop();
});

/** `npm start` with a Discord token against the fake; `identified` resolves when it has logged in. */
function startBot(env: Record<string, string> = {}) {
  const identified = fake.identifiedCount(fake.identified.length + 1);
  const child = spawn(process.execPath, launchArgs('src/main.ts'), {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DISCORD_TOKEN: 'fake-token.for-tests.only-0123456789', DISCORD_API_URL: fake.apiUrl, CHART_THREADS: '1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  let logs = '';
  const logWaiters: Array<{ text: string; resolve: () => void }> = [];
  child.stderr.on('data', (chunk: Buffer) => {
    logs += chunk.toString();
    for (const waiter of logWaiters.filter((w) => logs.includes(w.text))) {
      logWaiters.splice(logWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  const logged = (text: string) => (logs.includes(text) ? Promise.resolve() : new Promise<void>((resolve) => logWaiters.push({ text, resolve })));
  const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
  return { child, identified, exited, logged, logs: () => logs };
}

/** A predictions CSV of `rows` points: the heavy upload a queue of which outlasts the drain. */
function predictionsCsv(rows: number): Buffer {
  const lines = ['y,p'];
  for (let i = 0; i < rows; i++) lines.push(`${i % 2},${(((i * 37) % 97) + 1) / 100}`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

describe('npm start with DISCORD_TOKEN: the real process', () => {
  test('GIVEN SIGTERM with a queue that holds more work than the drain allows THEN every deferred interaction still gets a final answer, and the process exits 0', { timeout: 120_000 }, async () => {
    const csv = predictionsCsv(1_000_000);
    fake.files.set('big.csv', { body: csv, type: 'text/csv' });
    const bot = startBot({
      MAX_CONCURRENT: '1', MAX_QUEUED: '1000', SHUTDOWN_DRAIN_MS: '500', RATE_LIMIT_USER_BURST: '1000', RATE_LIMIT_CHANNEL_BURST: '1000',
      DISCORD_ATTACHMENT_ORIGIN: `http://127.0.0.1:${fake.port}`,
    });
    try {
      await bot.identified;
      const attachment = { filename: 'big.csv', url: `http://127.0.0.1:${fake.port}/files/big.csv`, size: csv.byteLength, contentType: 'text/csv' };
      const interactions = Array.from({ length: 40 }, () => slashCommand('logloss', {}, { attachment }));
      for (const interaction of interactions) fake.dispatch('INTERACTION_CREATE', interaction);
      const callbacks = await Promise.all(interactions.map((i) => fake.request('POST', new RegExp(`^/api/v10/interactions/${i.id}/`))));
      assert.ok(callbacks.every((c) => (c.json as { type: number }).type === 5), `all 40 deferred: ${JSON.stringify(callbacks.find((c) => (c.json as { type: number }).type !== 5)?.json)}`);
      bot.child.kill('SIGTERM');
      const [code] = await bot.exited;
      assert.equal(code, 0);
      let answered = 0;
      let apologised = 0;
      for (const interaction of interactions) {
        const finals = fake.requests.filter((r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${APP_ID}/${interaction.token}/messages/@original`);
        assert.equal(finals.length, 1, `interaction ${interaction.id} got exactly one final answer`);
        const text = JSON.stringify(finals[0]?.json);
        if (/lossbot is restarting, please ask again in a minute/.test(text)) apologised++;
        else if (/nats/.test(text)) answered++;
      }
      assert.equal(answered + apologised, interactions.length);
      assert.ok(apologised > 0, 'the drain ended with work still queued');
      assert.match(bot.logs(), /"apologized":\d+/);
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    }
  });


  test('GIVEN SIGTERM while a request is in flight THEN it is still answered, later ones are refused, and the process exits 0', { timeout: 60_000 }, async () => {
    const { child, identified, exited, logged, logs: allLogs } = startBot();
    try {
      await identified;
      const inFlight = slashCommand('logloss', { y: '1,0,1', p: '0.9,0.2,0.7' });
      fake.dispatch('INTERACTION_CREATE', inFlight);
      await fake.request('POST', new RegExp(`^/api/v10/interactions/${inFlight.id}/`));
      child.kill('SIGTERM');
      await logged('stopping: finishing requests in flight');
      const late = slashCommand('entropy', { q: '0.5,0.5' });
      fake.dispatch('INTERACTION_CREATE', late);
      const refused = (await fake.request('POST', new RegExp(`^/api/v10/interactions/${late.id}/`))).json as { type: number; data: { content: string; flags: number } };
      assert.equal(refused.type, 4);
      assert.equal(refused.data.flags, 64);
      assert.match(refused.data.content, /restarting/);
      const edit = await fake.request('PATCH', new RegExp(`/webhooks/${APP_ID}/${inFlight.token}/messages/@original$`));
      assert.match(JSON.stringify(edit.json), /0\.2284 nats/, 'the request in flight got its answer');
      const [code] = await exited;
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    const logs = allLogs();
    assert.match(logs, /stopping: finishing requests in flight/);
    assert.match(logs, /"msg":"stopped"/);
    assert.equal(logs.includes('fake-token.for-tests.only-0123456789'), false, 'the token is never logged');
  });
});

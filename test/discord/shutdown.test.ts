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
after(async () => {
  await fake.stop();
});

describe('npm start with DISCORD_TOKEN: the real process', () => {
  test('GIVEN SIGTERM while a request is in flight THEN it is still answered, later ones are refused, and the process exits 0', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, launchArgs('src/main.ts'), {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DISCORD_TOKEN: 'fake-token.for-tests.only-0123456789', DISCORD_API_URL: fake.apiUrl, CHART_THREADS: '1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
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
    try {
      await fake.identifiedCount(1);
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
    assert.match(logs, /stopping: finishing requests in flight/);
    assert.match(logs, /"msg":"stopped"/);
    assert.equal(logs.includes('fake-token.for-tests.only-0123456789'), false, 'the token is never logged');
  });
});

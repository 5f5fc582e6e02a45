import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { APP_ID, FakeDiscord } from '../discord/fake-discord.js';
import { slashCommand } from '../discord/interactions.js';
import { FakeSlack } from '../slack/fake-slack.js';
import { postSigned, SIGNING_SECRET, slashForm } from '../slack/signed-request.js';
import { sample, startBot } from './bot-process.js';

let folder: string;
const bots: Array<ReturnType<typeof startBot>> = [];
before(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'lossbot-health-'));
});
after(async () => {
  // A test that timed out never reaches its own end: no bot may outlive the suite.
  for (const bot of bots) if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
  await rm(folder, { recursive: true, force: true });
});

describe('npm start with HEALTH_PORT: /healthz and /metrics from outside', () => {
  test('GIVEN the bot logged in to Discord THEN /healthz 200; one /logloss is counted with its latency and render time; the gateway gone THEN 503 naming Discord; SIGTERM closes it', { timeout: 90_000 }, async () => {
    const fake = await new FakeDiscord().start();
    const bot = startBot({
      DISCORD_TOKEN: 'fake-token.for-tests.only-0123456789', DISCORD_API_URL: fake.apiUrl, HEALTH_PORT: '0', LOSSBOT_DB: path.join(folder, 'discord.sqlite'),
    });
    bots.push(bot);
    try {
      const served = await bot.line((l) => l.msg === 'health and metrics are served');
      assert.equal(served.host, '127.0.0.1', 'HEALTH_HOST defaults to this machine only');
      const url = `http://127.0.0.1:${served.port as number}`;
      await bot.line((l) => l.msg === 'lossbot is running; SIGTERM or Ctrl+C stops it');
      const healthy = await fetch(`${url}/healthz`);
      assert.equal(healthy.status, 200);
      assert.deepEqual(await healthy.json(), { status: 'ok', checks: { render: 'ok', database: 'ok', discord: 'ok' } });

      const interaction = slashCommand('logloss', { y: '1,0,1', p: '0.9,0.2,0.7' });
      fake.dispatch('INTERACTION_CREATE', interaction);
      const edit = await fake.request('PATCH', new RegExp(`/webhooks/${APP_ID}/${interaction.token}/messages/@original$`));
      assert.match(JSON.stringify(edit.json), /0\.2284 nats/);
      assert.ok(edit.files.length > 0, 'the answer carries its charts');
      await bot.line((l) => l.msg === 'request' && l.outcome === 'answered');
      const metrics = await (await fetch(`${url}/metrics`)).text();
      assert.equal(sample(metrics, 'lossbot_requests_total{platform="discord",command="logloss",kind="command",outcome="answered"}'), 1);
      assert.equal(sample(metrics, 'lossbot_request_duration_seconds_count{platform="discord",command="logloss"}'), 1);
      assert.ok((sample(metrics, 'lossbot_render_duration_seconds_count{kind="chart",result="ok"}') ?? 0) >= 1, 'the charts were timed');
      assert.equal(sample(metrics, 'lossbot_queue_load'), 0);
      assert.ok((sample(metrics, 'process_resident_memory_bytes') ?? 0) > 50_000_000, 'the whole process, render threads included');

      await fake.stop();
      await bot.line((l) => l.msg === 'gateway connection lost; reconnecting');
      const down = await fetch(`${url}/healthz`);
      assert.equal(down.status, 503);
      const report = (await down.json()) as { status: string; checks: Record<string, string> };
      assert.equal(report.status, 'failing');
      assert.match(report.checks.discord ?? '', /^gateway shard 0 (connecting|reconnecting|resuming|identifying|idle|disconnected)$/);
      assert.equal(report.checks.database, 'ok');

      bot.child.kill('SIGTERM');
      const [code] = await bot.exited;
      assert.equal(code, 0);
      await assert.rejects(fetch(`${url}/healthz`), 'the health server closed with the bot');
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
      await fake.stop();
    }
  });

  test('GIVEN SIGTERM with work still queued THEN /healthz says 503 "draining" while it finishes, and every request is still answered', { timeout: 120_000 }, async () => {
    const fake = await new FakeDiscord().start();
    const lines = ['y,p'];
    for (let i = 0; i < 200_000; i++) lines.push(`${i % 2},${(((i * 37) % 97) + 1) / 100}`);
    const csv = Buffer.from(`${lines.join('\n')}\n`);
    fake.files.set('big.csv', { body: csv, type: 'text/csv' });
    const bot = startBot({
      DISCORD_TOKEN: 'fake-token.for-tests.only-0123456789', DISCORD_API_URL: fake.apiUrl, HEALTH_PORT: '0', LOSSBOT_DB: path.join(folder, 'drain.sqlite'),
      DISCORD_ATTACHMENT_ORIGIN: `http://127.0.0.1:${fake.port}`, MAX_CONCURRENT: '1', SHUTDOWN_DRAIN_MS: '60000',
    });
    bots.push(bot);
    try {
      const served = await bot.line((l) => l.msg === 'health and metrics are served');
      const url = `http://127.0.0.1:${served.port as number}`;
      await bot.line((l) => l.msg === 'lossbot is running; SIGTERM or Ctrl+C stops it');
      const attachment = { filename: 'big.csv', url: `http://127.0.0.1:${fake.port}/files/big.csv`, size: csv.byteLength, contentType: 'text/csv' };
      const interactions = Array.from({ length: 4 }, () => slashCommand('logloss', {}, { attachment }));
      for (const interaction of interactions) fake.dispatch('INTERACTION_CREATE', interaction);
      await Promise.all(interactions.map((i) => fake.request('POST', new RegExp(`^/api/v10/interactions/${i.id}/`))));
      bot.child.kill('SIGTERM');
      await bot.line((l) => l.msg === 'stopping: finishing requests in flight');
      const draining = await fetch(`${url}/healthz`);
      const answeredBefore = fake.requests.filter((r) => r.method === 'PATCH').length;
      assert.equal(draining.status, 503);
      assert.equal(((await draining.json()) as { status: string }).status, 'draining');
      assert.ok(answeredBefore < interactions.length, `the drain was still running (${answeredBefore} answered)`);
      const [code] = await bot.exited;
      assert.equal(code, 0);
      for (const interaction of interactions) {
        const finals = fake.requests.filter((r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${APP_ID}/${interaction.token}/messages/@original`);
        assert.equal(finals.length, 1);
        assert.match(JSON.stringify(finals[0]?.json), /nats/);
      }
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
      await fake.stop();
    }
  });

  test('GIVEN Slack in HTTP mode without HEALTH_PORT THEN /healthz and /metrics answer on Slack\'s own port, unsigned, and a slash command is counted', { timeout: 90_000 }, async () => {
    const fake = await new FakeSlack().start();
    const bot = startBot({
      SLACK_BOT_TOKEN: 'xoxb-fake-for-tests', SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', SLACK_API_URL: fake.apiUrl, LOSSBOT_DB: path.join(folder, 'slack.sqlite'),
    });
    bots.push(bot);
    try {
      const ready = await bot.line((l) => l.msg === 'slack ready (HTTP mode)');
      const port = ready.port as number;
      await bot.line((l) => l.msg === 'lossbot is running; SIGTERM or Ctrl+C stops it');
      assert.equal(bot.lines.some((l) => l.msg === 'health and metrics are served'), false, 'no port of their own');
      const healthy = await fetch(`http://127.0.0.1:${port}/healthz`);
      assert.equal(healthy.status, 200);
      assert.deepEqual(await healthy.json(), { status: 'ok', checks: { render: 'ok', database: 'ok', slack: 'ok' } });
      assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`, { method: 'HEAD' })).status, 200);

      assert.equal((await postSigned(port, slashForm('/entropy', 'q=0.3,0.7', fake.responseUrl('r1')))).status, 200);
      await bot.line((l) => l.msg === 'request' && l.outcome === 'answered');
      const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
      assert.equal(metrics.status, 200);
      assert.match(metrics.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
      const text = await metrics.text();
      assert.equal(sample(text, 'lossbot_requests_total{platform="slack",command="entropy",kind="command",outcome="answered"}'), 1);
      assert.equal(sample(text, 'lossbot_request_duration_seconds_count{platform="slack",command="entropy"}'), 1);
      assert.notEqual((await fetch(`http://127.0.0.1:${port}/status`)).status, 200, 'anything else is not served');

      bot.child.kill('SIGTERM');
      const [code] = await bot.exited;
      assert.equal(code, 0);
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
      await fake.stop();
    }
  });
});

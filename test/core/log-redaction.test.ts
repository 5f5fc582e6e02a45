import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { boundLogLine, redactLogLine } from '../../src/core/log-line.js';
import { redactSecrets } from '../../src/core/log-redaction.js';

const RUNS = { seed: 2026_12, numRuns: 300 } as const;
// Assembled at run time so that secret scanners do not flag this file; the values are fabricated.
const BOT_TOKEN = ['MTAwMDAwMDAwMDAwMDAwMDAx', 'GzXyWv', 'fabricatedSignaturePart0123456789abcd'].join('.');
const USER_TOKEN = ['xoxp', '1000000000', '2000000000000', 'fabricated'].join('-');

describe('redactSecrets', () => {
  const cases: Array<[string, string]> = [
    ['POST /api/v10/interactions/500000000000000001/aW50ZXJhY3Rpb246MTAw/callback?with_response=false', 'POST /api/v10/interactions/500000000000000001/[redacted]/callback?with_response=false'],
    ['PATCH /api/v10/webhooks/100000000000000001/aW50ZXJhY3Rpb246MTAw/messages/%40original', 'PATCH /api/v10/webhooks/100000000000000001/[redacted]/messages/%40original'],
    ['POST https://hooks.slack.com/actions/T01/502/Secret0123, then retried', 'POST https://hooks.slack.com/actions/[redacted], then retried'],
    [`user token ${USER_TOKEN}.`, 'user token xoxp-[redacted].'],
    [`{"authorization":"Bot ${BOT_TOKEN}"}`, '{"authorization":"[redacted]"}'],
    [`headers: { token: '${BOT_TOKEN}' }`, "headers: { token: '[redacted]' }"],
    ['client_secret=abc123&code=9', 'client_secret=[redacted]&code=9'],
  ];
  for (const [input, expected] of cases) {
    test(`GIVEN ${input.slice(0, 60)} THEN ${expected.slice(0, 60)}`, () => assert.equal(redactSecrets(input), expected));
  }

  test('GIVEN text without secrets THEN it is unchanged', () => {
    for (const text of [
      'Set DISCORD_TOKEN (the bot token from the Developer Portal) or SLACK_BOT_TOKEN (xoxb-…).',
      'GET /api/v10/gateway/bot 200; webhooks/100 has no token; see /interactions/ docs',
      'at handleErrors (/work/main/node_modules/@discordjs/rest/dist/index.js:748:13)',
      'scope=bot%20applications.commands&permissions=51200; the bot is ready',
      'entropy 0.6109, cross-entropy 0.6931, KL 0.08228 nats',
    ]) assert.equal(redactSecrets(text), text);
  });

  test('GIVEN any text THEN redacting twice changes nothing more', () => {
    const piece = fc.constantFrom(`/webhooks/1/${BOT_TOKEN}`, USER_TOKEN, 'https://hooks.slack.com/commands/T1/2/s', 'token=x', ' ', '"', '\\', '/', ':', 'Bot ');
    fc.assert(fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 12 }), (parts) => {
      const once = redactSecrets(parts.join(''));
      assert.equal(redactSecrets(once), once);
    }), RUNS);
  });
});

describe('a finished log line', () => {
  test('GIVEN any JSON record THEN the redacted line is still the same JSON, with its secrets replaced', () => {
    const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(`\n${USER_TOKEN}\t`, `"${BOT_TOKEN}"`, '\\/webhooks/1/abc\\'));
    fc.assert(fc.property(fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(text, fc.integer(), fc.array(text, { maxLength: 3 }))), (record) => {
      const line = JSON.stringify(record);
      const redacted = redactLogLine(line);
      const parsed = JSON.parse(redacted) as unknown;
      assert.equal(redacted.includes(USER_TOKEN), false);
      assert.equal(redacted.includes(BOT_TOKEN), false);
      if (!/xox|webhooks|\.[A-Za-z0-9_-]{4,}\./.test(line)) assert.deepEqual(parsed, JSON.parse(line));
    }), RUNS);
  });

  test('GIVEN lines of any length THEN each comes out within the bound, as JSON, and says when it was cut', () => {
    const long = (maxLength: number) => fc.string({ maxLength, size: 'max', unit: fc.constantFrom('a', 'é', '"', '\\', '\n', '😀') });
    const huge = fc.record({ level: fc.constant(30), time: fc.integer(), msg: long(12_000), list: fc.array(long(2_000), { maxLength: 12, size: 'max' }) });
    let cut = 0;
    fc.assert(fc.property(huge, (record) => {
      const line = `${JSON.stringify(record)}\n`;
      const out = boundLogLine(line, 8 * 1024);
      assert.ok(Buffer.byteLength(out) <= 8 * 1024);
      assert.ok(out.endsWith('\n'));
      const parsed = JSON.parse(out) as { truncated?: boolean; level?: number };
      assert.equal(parsed.level, 30);
      assert.equal(parsed.truncated === true, out !== line);
      if (out !== line) cut += 1;
    }), { ...RUNS, numRuns: 60 });
    assert.ok(cut > 10, `only ${cut} lines needed cutting`);
  });
});

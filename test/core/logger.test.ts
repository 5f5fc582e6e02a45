import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { createLogger, type Logger } from '../../src/core/logger.js';

const MAX_LINE_BYTES = 8 * 1024;
// Assembled at run time so that secret scanners do not flag this file; the values are fabricated.
const INTERACTION_TOKEN = ['aW50ZXJhY3Rpb246MTAwMDAwMDAwMDAwMDAwMDA', 'xOmZha2VJbnRlcmFjdGlvblRva2Vu'].join('');
const BOT_TOKEN = ['MTAwMDAwMDAwMDAwMDAwMDAx', 'GzXyWv', 'fabricatedSignaturePart0123456789abcd'].join('.');
const SLACK_BOT_TOKEN = ['xoxb', '1000000000', '2000000000000', 'FabricatedBotTokenValue1'].join('-');
const SLACK_APP_TOKEN = ['xapp', '1', 'A0000000001', '3000000000000', 'fabricatedappsecret'].join('-');
const RESPONSE_SECRET = 'FabricatedResponseSecret0123';
const RESPONSE_URL = `https://hooks.slack.com/commands/T0000000001/4000000000000/${RESPONSE_SECRET}`;
const ACTION_URL = `https://hooks.slack.com/actions/T0000000001/5000000000000/${RESPONSE_SECRET}`;
const EDIT_URL = `https://discord.com/api/v10/webhooks/100000000000000001/${INTERACTION_TOKEN}/messages/@original`;
const CALLBACK_URL = `https://discord.com/api/v10/interactions/500000000000000001/${INTERACTION_TOKEN}/callback`;

function capture(level = 'debug'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger(level, new Writable({ write: (chunk, _enc, done) => { lines.push(String(chunk)); done(); } }));
  return { logger, lines };
}

const parse = (line: string) => JSON.parse(line) as Record<string, unknown>;

function assertBounded(lines: readonly string[]): void {
  for (const line of lines) assert.ok(Buffer.byteLength(line) <= MAX_LINE_BYTES, `a log line of ${Buffer.byteLength(line)} bytes`);
}

function assertNoSecrets(text: string): void {
  for (const secret of [INTERACTION_TOKEN, BOT_TOKEN, SLACK_BOT_TOKEN, SLACK_APP_TOKEN, RESPONSE_SECRET]) {
    assert.equal(text.includes(secret), false, `a secret reached the log: ${secret.slice(0, 12)}…`);
  }
}

/** The shape of @discordjs/rest's HTTPError (5xx) and DiscordAPIError (4xx), with a PNG in the body. */
class FakeRestError extends Error {
  override name = 'HTTPError';
  requestBody: { files: Array<{ name: string; data: Buffer }>; json: unknown };
  rawError?: unknown;
  constructor(readonly status: number, readonly method: string, readonly url: string, message: string, readonly code?: number) {
    super(message);
    const png = Buffer.alloc(200_000, 0x89);
    this.requestBody = { files: [{ name: 'logloss-curve.png', data: png }], json: { embeds: [{ title: 'Log loss 0.2284 nats', description: 'y=1,0,1' }] } };
    if (code !== undefined) this.rawError = { message, code };
  }
}

describe('the logger keeps secrets and request bodies out of the log', () => {
  test('GIVEN a failed Discord edit with the interaction token in its url and PNG bytes in its body THEN the line has status, method and a redacted url, no token, no body, and fits in 8 KB', () => {
    const { logger, lines } = capture();
    logger.error({ err: new FakeRestError(500, 'PATCH', EDIT_URL, 'Internal Server Error'), command: 'logloss', referenceId: 'abc12345' }, 'internal error while answering a command');
    assert.equal(lines.length, 1);
    assertBounded(lines);
    assertNoSecrets(lines[0] ?? '');
    assert.equal(lines[0]?.includes('requestBody'), false);
    assert.equal(lines[0]?.includes('Log loss 0.2284'), false, 'nothing of the body');
    const line = parse(lines[0] ?? '{}');
    const err = line.err as Record<string, unknown>;
    assert.equal(err.status, 500);
    assert.equal(err.method, 'PATCH');
    assert.equal(err.url, 'https://discord.com/api/v10/webhooks/100000000000000001/[redacted]/messages/@original');
    assert.equal(err.message, 'Internal Server Error');
    assert.match(String(err.stack), /^HTTPError: Internal Server Error\n {4}at /);
    assert.equal(line.referenceId, 'abc12345');
    assert.equal(line.msg, 'internal error while answering a command');
    assert.equal(line.app, 'lossbot');
  });

  test('GIVEN a 4xx on the interaction callback THEN its code is kept and the token in the callback url is not', () => {
    const { logger, lines } = capture();
    logger.error({ err: new FakeRestError(404, 'POST', CALLBACK_URL, 'Unknown interaction', 10062) }, 'discord call failed');
    assertNoSecrets(lines.join(''));
    const err = parse(lines[0] ?? '{}').err as Record<string, unknown>;
    assert.equal(err.code, 10062);
    assert.equal(err.status, 404);
    assert.equal(err.url, 'https://discord.com/api/v10/interactions/500000000000000001/[redacted]/callback');
    assert.equal('rawError' in err, false);
  });

  test('GIVEN a Slack Web API error THEN its code and Slack\'s error name are kept, its headers and body are not', () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error('An API error occurred: not_in_channel'), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'not_in_channel', response_metadata: { scopes: ['chat:write'] } },
      headers: { authorization: `Bearer ${SLACK_BOT_TOKEN}` },
      body: `channel=C1&text=secret+homework&token=${SLACK_BOT_TOKEN}`,
    });
    logger.warn({ err: error }, 'cannot post in the channel');
    assertNoSecrets(lines.join(''));
    const err = parse(lines[0] ?? '{}').err as Record<string, unknown>;
    assert.equal(err.code, 'slack_webapi_platform_error');
    assert.deepEqual(err.data, { ok: false, error: 'not_in_channel' });
    assert.equal('headers' in err || 'body' in err, false);
    assert.equal(lines[0]?.includes('homework'), false);
  });

  test('GIVEN Slack response_urls and tokens inside message strings THEN they are redacted and the rest of the sentence stays', () => {
    const { logger, lines } = capture();
    logger.warn(`respond() to ${RESPONSE_URL} failed with ${SLACK_BOT_TOKEN}`);
    logger.warn({ detail: `button answer to ${ACTION_URL}; socket token ${SLACK_APP_TOKEN}` }, 'slack call failed');
    assertNoSecrets(lines.join(''));
    assert.equal(parse(lines[0] ?? '{}').msg, 'respond() to https://hooks.slack.com/commands/[redacted] failed with xoxb-[redacted]');
    assert.equal(parse(lines[1] ?? '{}').detail, 'button answer to https://hooks.slack.com/actions/[redacted]; socket token xapp-[redacted]');
  });

  test('GIVEN a bot token as an authorization header, a bare token, and token= in a query THEN all are redacted', () => {
    const { logger, lines } = capture();
    logger.info({ request: { headers: { authorization: `Bot ${BOT_TOKEN}` } } }, 'request');
    logger.info(`login with ${BOT_TOKEN} failed`);
    logger.info({ url: `https://example.test/oauth?client_id=1&token=${RESPONSE_SECRET}&x=1` }, 'redirect');
    logger.info({ note: `Authorization: Bearer ${RESPONSE_SECRET}` }, 'header echoed');
    assertNoSecrets(lines.join(''));
    assert.equal(parse(lines[1] ?? '{}').msg, 'login with [redacted] failed');
    assert.equal(parse(lines[2] ?? '{}').url, 'https://example.test/oauth?client_id=1&token=[redacted]&x=1');
  });

  test('GIVEN an error passed alone, with a token in its message and in its cause THEN the message and the cause are redacted', () => {
    const { logger, lines } = capture();
    const cause = new Error(`PATCH ${EDIT_URL} timed out`);
    logger.error(new Error(`answering through ${RESPONSE_URL} failed`, { cause }));
    assertNoSecrets(lines.join(''));
    const line = parse(lines[0] ?? '{}');
    assert.equal(line.msg, 'answering through https://hooks.slack.com/commands/[redacted] failed');
    assert.match(String((line.err as { cause?: { message?: string } }).cause?.message), /webhooks\/100000000000000001\/\[redacted\]\/messages/);
  });

  test('GIVEN a child logger bound to a url with a token THEN the binding is redacted and errors are still serialized', () => {
    const { logger, lines } = capture();
    const child = logger.child({ platform: 'discord', route: EDIT_URL });
    child.error({ err: new FakeRestError(500, 'PATCH', EDIT_URL, 'Internal Server Error') }, 'edit failed');
    child.child({ shard: 0 }).info('grandchild');
    assertBounded(lines);
    assertNoSecrets(lines.join(''));
    const line = parse(lines[0] ?? '{}');
    assert.equal(line.platform, 'discord');
    assert.equal((line.err as { status?: number }).status, 500);
    assert.equal(parse(lines[1] ?? '{}').shard, 0);
    assert.equal(parse(lines[1] ?? '{}').platform, 'discord');
  });

  test('GIVEN a long message, long fields and bytes THEN every line stays within 8 KB, is JSON, and says it was truncated', () => {
    const { logger, lines } = capture();
    logger.info({ csv: 'y,p\n'.repeat(20_000) }, 'a big field');
    logger.info('m'.repeat(50_000));
    logger.info({ many: Array.from({ length: 400 }, (_, i) => `value number ${i} `.repeat(4)) }, 'a long list');
    logger.info({ upload: Buffer.alloc(100_000) }, 'bytes');
    assert.equal(lines.length, 4);
    assertBounded(lines);
    const [field, message, list, bytes] = lines.map(parse);
    assert.match(String(field?.csv), /\[truncated, 80000 chars\]$/);
    assert.match(String(message?.msg), /^m+ … \[truncated, 50000 chars\]$/);
    assert.equal(message?.truncated, true);
    assert.equal((list?.many as unknown[]).at(-1), '[truncated, 400 items]');
    assert.equal(bytes?.upload, '[100000 bytes]');
  });

  test('GIVEN a field whose getter throws THEN logging does not throw and the line is still written', () => {
    const { logger, lines } = capture();
    const hostile = { get boom(): never { throw new Error('getter failed'); } };
    assert.doesNotThrow(() => logger.warn({ hostile }, 'still logged'));
    assert.equal(parse(lines[0] ?? '{}').msg, 'still logged');
  });

  test('GIVEN the existing redact paths THEN tokens and secrets in config and headers are still censored', () => {
    const { logger, lines } = capture();
    logger.info({ token: 'plain-token-value', config: { botToken: 'config-bot-token', signingSecret: 'config-signing-secret' }, headers: { authorization: 'opaque-header-value' } }, 'config');
    const text = lines.join('');
    for (const secret of ['plain-token-value', 'config-bot-token', 'config-signing-secret', 'opaque-header-value']) assert.equal(text.includes(secret), false, secret);
    const line = parse(lines[0] ?? '{}');
    assert.equal(line.token, '[redacted]');
    assert.deepEqual(line.config, { botToken: '[redacted]', signingSecret: '[redacted]' });
  });

  test('GIVEN ordinary log text THEN it is left as it was', () => {
    const { logger, lines } = capture();
    const invite = 'https://discord.com/oauth2/authorize?client_id=100000000000000001&scope=bot%20applications.commands&permissions=51200';
    logger.info({ invite, user: 'lossbot#0000', file: 'logloss-curve.png', version: '14.28.1' }, 'discord ready; the bot listens on ws://127.0.0.1:1234');
    const line = parse(lines[0] ?? '{}');
    assert.equal(line.invite, invite);
    assert.equal(line.file, 'logloss-curve.png');
    assert.equal(line.msg, 'discord ready; the bot listens on ws://127.0.0.1:1234');
  });
});

import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { LogLevel } from '@slack/bolt';
import { boltLogger } from '../../src/adapters/slack/bolt-logger.js';
import { createLogger } from '../../src/core/logger.js';

// Assembled at run time so that secret scanners do not flag this file; the values are fabricated.
const BOT_TOKEN = ['xoxb', '1000000000', '2000000000000', 'FabricatedBotTokenValue1'].join('-');
const RESPONSE_SECRET = 'FabricatedResponseSecret0123';
const RESPONSE_URL = `https://hooks.slack.com/commands/T0000000001/4000000000000/${RESPONSE_SECRET}`;

function capture() {
  const lines: string[] = [];
  const logger = createLogger('debug', new Writable({ write: (chunk, _enc, done) => { lines.push(String(chunk)); done(); } }));
  return { bolt: boltLogger(logger), lines };
}

describe('Bolt\'s logger', () => {
  test('GIVEN Bolt logs an error whose message and stack carry a response_url and an xoxb token THEN the line is redacted and keeps the error\'s type, stack and Bolt\'s name', () => {
    const { bolt, lines } = capture();
    bolt.setName('bolt-app');
    const error = new Error(`respond() to ${RESPONSE_URL} was refused for ${BOT_TOKEN}`);
    // Bolt's own form (App.js): a sentence, then the error itself.
    bolt.error('Slack API error: invalid_auth', error);
    assert.equal(lines.length, 1);
    const text = lines[0] ?? '';
    assert.equal(text.includes(RESPONSE_SECRET), false, 'the response_url secret reached the log');
    assert.equal(text.includes(BOT_TOKEN), false, 'the bot token reached the log');
    const line = JSON.parse(text) as { component?: string; msg?: string; err?: { type?: string; stack?: string } };
    assert.equal(line.component, 'bolt-app');
    assert.equal(line.msg, 'Slack API error: invalid_auth respond() to https://hooks.slack.com/commands/[redacted] was refused for xoxb-[redacted]');
    assert.equal(line.err?.type, 'Error');
    assert.match(line.err?.stack ?? '', /^Error: respond\(\) to https:\/\/hooks\.slack\.com\/commands\/\[redacted\] was refused for xoxb-\[redacted\]\n {4}at /);
  });

  test('GIVEN the level Bolt was given is WARN THEN its debug lines (which carry whole request bodies) are dropped and warnings kept', () => {
    const { bolt, lines } = capture();
    bolt.setLevel(LogLevel.WARN);
    bolt.debug(JSON.stringify({ command: '/logloss', text: 'y=1,0 p=0.9,0.2', response_url: RESPONSE_URL }));
    bolt.info('Initializing HTTPReceiver');
    bolt.warn('Could not determine the type of an incoming event. No listeners will be called.');
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? '', /Could not determine the type/);
  });
});

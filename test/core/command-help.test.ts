import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { commands } from '../../commands/index.js';
import { defineCommand } from '../../src/core/command.js';
import { asksForHelp } from '../../src/core/help-reply.js';
import { ok } from '../../src/core/result.js';
import { usageText } from '../../src/core/usage.js';
import { ask, createTestDispatcher, textContext } from '../support/core.js';

const logloss = commands.find((c) => c.name === 'logloss');

describe('a command followed by help', () => {
  test('GIVEN /logloss help THEN an ok answer with its usage, options and examples', async () => {
    const reply = await ask('/logloss help');
    assert.equal(reply.ok, true, reply.summary);
    assert.equal(reply.command, 'logloss');
    assert.equal(reply.error, undefined);
    assert.ok(logloss);
    assert.ok(reply.summary.includes(usageText(logloss)), reply.summary);
    assert.match(reply.summary, /Options:\n {2}y /);
    assert.match(reply.summary, /Examples:\n {2}\/logloss y=1,0,1 p=0\.9,0\.2,0\.7/);
    assert.equal(reply.data.usage, usageText(logloss));
  });

  test('GIVEN --help, HELP or -h after any command THEN the same kind of answer', async () => {
    for (const line of ['/entropy --help', '/derive HELP', 'logloss -h', '/logloss   help  ']) {
      const reply = await ask(line);
      assert.equal(reply.ok, true, `${line}: ${reply.summary}`);
      assert.match(reply.summary, /Usage: \//, line);
    }
  });

  test('GIVEN help as Slack sends it (command + text) THEN the help too', async () => {
    const reply = await createTestDispatcher().handle({ command: '/entropy', text: 'help' }, textContext());
    assert.equal(reply.ok, true, reply.summary);
    assert.match(reply.summary, /^\/entropy — /);
  });

  test('GIVEN a command whose positional option takes the word help THEN that word is its input; --help still asks for usage', () => {
    const about = defineCommand({
      name: 'about', description: 'About the bot', examples: [], check: () => ok('help'), run: async () => ok({ title: '', summary: '', fields: [], images: [], data: {} }),
      options: [{ name: 'topic', kind: 'choice', choices: ['help'], default: 'help', positional: true, placeholder: '<topic>', description: 'What to show' }],
    });
    assert.equal(asksForHelp(about, 'help'), false);
    assert.equal(asksForHelp(about, '--help'), true);
    assert.ok(logloss);
    assert.equal(asksForHelp(logloss, ' Help '), true);
    assert.equal(asksForHelp(logloss, 'y=1 help'), false);
  });

  test('GIVEN help beside options THEN it is input, not a request for help', async () => {
    const reply = await ask('/logloss y=1 p=0.85 help');
    assert.equal(reply.ok, false);
  });
});

describe('the unknown-command sentence', () => {
  test('GIVEN an unknown command with no close match THEN two sentences, each ending in a full stop', async () => {
    const reply = await ask('/nope');
    assert.match(reply.error?.message ?? '', /^There is no command "\/nope"\. The commands are \/logloss, [^.]*\.$/);
  });

  test('GIVEN a close match THEN the question keeps its question mark and the list follows', async () => {
    const reply = await ask('/logloos y=1 p=0.5');
    assert.match(reply.error?.message ?? '', /^There is no command "\/logloos"; did you mean \/logloss\? The commands are \/logloss, [^.]*\.$/);
  });
});

describe('option values at a platform\'s cap', () => {
  const dispatcher = createTestDispatcher();
  const atCap = '1,'.repeat(3000);

  test('GIVEN a Discord option of exactly 6,000 characters THEN a user error: it may be cut off, attach a CSV', () => {
    const validation = dispatcher.validate({ command: 'logloss', options: [{ name: 'y', value: atCap }, { name: 'p', value: '0.9' }], valueCap: { chars: 6000, platform: 'Discord' } });
    assert.equal(validation.ok, false);
    const error = !validation.ok ? validation.reply.error : undefined;
    assert.equal(error?.code, 'value-cut-off');
    assert.match(error?.message ?? '', /^y is 6,000 characters long, the most Discord keeps per option, so it may have been cut off; attach the data as a CSV file \(file\) instead\.$/);
  });

  test('GIVEN a command with no CSV option THEN the advice is fewer values', () => {
    const validation = dispatcher.validate({ command: 'entropy', options: [{ name: 'q', value: atCap }], valueCap: { chars: 6000, platform: 'Discord' } });
    assert.equal(!validation.ok && validation.reply.error?.code, 'value-cut-off');
    assert.match(!validation.ok ? validation.reply.error?.message ?? '' : '', /may have been cut off; give fewer values\.$/);
  });

  test('GIVEN one character below the cap, or no cap THEN the value is read as usual', () => {
    const below = dispatcher.validate({ command: 'logloss', options: [{ name: 'y', value: atCap.slice(1) }, { name: 'p', value: '0.9' }], valueCap: { chars: 6000, platform: 'Discord' } });
    assert.equal(!below.ok && below.reply.error?.code, 'length-mismatch');
    const uncapped = dispatcher.validate({ command: 'logloss', options: [{ name: 'y', value: atCap }, { name: 'p', value: '0.9' }] });
    assert.equal(!uncapped.ok && uncapped.reply.error?.code, 'length-mismatch');
  });
});

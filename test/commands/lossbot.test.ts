import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { commands } from '../../commands/index.js';
import { defineCommand } from '../../src/core/command.js';
import { CommandRegistry } from '../../src/core/registry.js';
import { ok } from '../../src/core/result.js';
import { README_WHERE } from '../../src/explain/help-answer.js';
import { ask, createTestDispatcher, textContext } from '../support/core.js';

/** A phone shows about this many characters on a line before it wraps. */
const PHONE_LINE = 100;

describe('/lossbot', () => {
  test('GIVEN /lossbot alone THEN the help: every command with its first example as inline code, and where to read more', async () => {
    const reply = await ask('/lossbot');
    assert.ok(reply.ok, reply.summary);
    assert.equal(reply.command, 'lossbot');
    assert.deepEqual(reply.images, []);
    const byName = new Map(reply.fields.map((f) => [f.name, f.value]));
    assert.deepEqual([...byName.keys()], [...commands.map((c) => `/${c.name}`), 'Read more']);
    for (const command of commands) {
      const value = byName.get(`/${command.name}`) ?? '';
      assert.equal(value, `${command.description}\n\`${command.examples[0]}\``);
    }
    assert.match(byName.get('Read more') ?? '', /the README in the lossbot repository/);
    assert.equal(reply.data.readMore, README_WHERE);
    assert.deepEqual((reply.data.commands as Array<{ name: string }>).map((c) => c.name), ['logloss', 'entropy', 'derive', 'practice', 'answer', 'lossbot']);
  });

  test('GIVEN the help THEN every line is short enough for a phone and every field is at most two lines', async () => {
    const reply = await ask('/lossbot');
    const lines = [reply.title, ...reply.summary.split('\n'), ...reply.fields.flatMap((f) => [f.name, ...f.value.split('\n')])];
    for (const line of lines) assert.ok(line.length <= PHONE_LINE, `${line.length} characters: ${line}`);
    for (const field of reply.fields) assert.ok(field.value.split('\n').length <= 2, field.name);
  });

  test('GIVEN /lossbot help, HELP, topic=help or topic:help THEN the same answer as /lossbot alone', async () => {
    const plain = await ask('/lossbot');
    for (const line of ['/lossbot help', '/lossbot HELP', '/lossbot  help ', '/lossbot topic=help', '/lossbot topic:help']) {
      const reply = await ask(line);
      assert.ok(reply.ok, `${line}: ${reply.summary}`);
      assert.deepEqual(reply, plain, line);
    }
  });

  test('GIVEN each platform\'s form of the request THEN the help: Slack\'s text, Discord\'s typed options', async () => {
    const dispatcher = createTestDispatcher();
    const forms = [
      { command: '/lossbot', text: 'help' },
      { command: '/lossbot', text: '' },
      { command: 'lossbot', options: [] },
      { command: 'lossbot', options: [{ name: 'topic', value: 'help' }] },
    ];
    for (const input of forms) {
      const reply = await dispatcher.handle(input, textContext());
      assert.ok(reply.ok, `${JSON.stringify(input)}: ${reply.summary}`);
      assert.equal(reply.data.topic, 'help');
    }
  });

  test('GIVEN a topic lossbot does not have, or a stray option THEN a user error with the usage /lossbot [help]', async () => {
    const unknown = await ask('/lossbot nope');
    assert.equal(unknown.error?.code, 'invalid-choice');
    assert.equal(unknown.error?.usage, 'Usage: /lossbot [help|forget-me|settings|about] [answers=public|private] [base=e|2|10] [theme=dark|light] [practice=on|off] [leaderboard=off|on] [channels=<channels>|all]');
    assert.equal((await ask('/lossbot help topic=help')).error?.code, 'duplicate-option');
    assert.equal((await ask('/lossbot help p=0.5')).error?.code, 'unknown-option');
  });

  test('GIVEN a command without a positional option THEN a bare word is still the syntax error it was, and its usage names its choices', async () => {
    const reply = await ask('/derive bce');
    assert.equal(reply.error?.code, 'bad-syntax');
    assert.match(reply.error?.usage ?? '', /^Usage: \/derive \[topic=bce\|/);
  });

  test('GIVEN a command declaring two positional options THEN the registry refuses it at start-up', () => {
    const twice = defineCommand<null>({
      name: 'twice',
      description: 'Two positional options',
      options: [
        { name: 'a', kind: 'choice', choices: ['x'], default: 'x', positional: true, placeholder: '<a>', description: 'First' },
        { name: 'b', kind: 'choice', choices: ['y'], default: 'y', positional: true, placeholder: '<b>', description: 'Second' },
      ],
      examples: ['/twice x'],
      check: () => ok(null),
      run: async () => ok({ title: '', summary: '', fields: [], images: [], data: {} }),
    });
    assert.throws(() => new CommandRegistry([twice]), /at most one option may be positional/);
  });
});

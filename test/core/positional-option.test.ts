import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { commands } from '../../commands/index.js';
import { namePositional } from '../../src/core/positional-option.js';

const lossbot = commands.find((c) => c.name === 'lossbot');
const derive = commands.find((c) => c.name === 'derive');

describe('a leading bare word for a positional option', () => {
  test('GIVEN a bare first word THEN it becomes the positional option\'s name=value, the rest kept', () => {
    assert.equal(namePositional(lossbot, 'help'), 'topic=help');
    assert.equal(namePositional(lossbot, '  HELP  '), 'topic=HELP  ');
    assert.equal(namePositional(lossbot, 'help base=2'), 'topic=help base=2');
  });

  test('GIVEN text that already starts with an option, or nothing THEN unchanged', () => {
    for (const text of ['', '   ', 'topic=help', 'topic = help', 'topic:help', 'topic :help', 'x=1 help']) assert.equal(namePositional(lossbot, text), text, text);
  });

  test('GIVEN a command without a positional option, or none at all THEN unchanged', () => {
    assert.equal(namePositional(derive, 'bce y=1'), 'bce y=1');
    assert.equal(namePositional(undefined, 'help'), 'help');
  });
});

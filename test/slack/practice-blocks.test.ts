import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { problemActions, readProblemClick, withProblemActions } from '../../src/adapters/slack/practice-blocks.js';
import { ANSWER_BLOCK_ID, answerModal, readAnswerSubmission } from '../../src/adapters/slack/practice-modal.js';

type Button = { action_id: string; value: string };
const buttons = (block: ReturnType<typeof problemActions>) => block.elements as Button[];

describe('a practice problem on Slack: its buttons and its answer modal', () => {
  test('GIVEN a problem THEN each button reads back as its action on that problem, and Answer carries what the box asks for', () => {
    const clicks = buttons(problemActions({ id: 'bce1a-34b', expects: 'nats, 3 decimals' })).map((b) => readProblemClick(b.value));
    assert.deepEqual(clicks, [
      { action: 'answer', problemId: 'bce1a-34b', expects: 'nats, 3 decimals' },
      { action: 'hint', problemId: 'bce1a-34b', expects: '' },
      { action: 'solution', problemId: 'bce1a-34b', expects: '' },
    ]);
  });

  test('GIVEN another app\'s or a tampered value THEN it is not read as a click', () => {
    for (const value of ['', 'lbq:z:bce1a-34b', 'lbq:a:BCE 1|nats', 'U1|lb2:n1', 'lbq:a:|nats']) assert.equal(readProblemClick(value), undefined, value);
  });

  test('GIVEN a long "expects" THEN the placeholder keeps within Slack\'s 150 characters', () => {
    const [answer] = buttons(problemActions({ id: 'kl3a-1', expects: 'x'.repeat(400) }));
    const click = readProblemClick(answer?.value ?? '');
    assert.equal(click?.expects.length, 150);
    const input = answerModal({ problemId: 'kl3a-1', channelId: 'C1' }, click?.expects ?? '').blocks.find((b) => b.type === 'input') as { element: { placeholder: { text: string } } };
    assert.equal(input.element.placeholder.text.length, 150);
  });

  test('GIVEN a message already at Slack\'s 50 blocks THEN the buttons still go last and the message stays at 50', () => {
    const full = { text: 'long', blocks: Array.from({ length: 50 }, (_, i) => ({ type: 'section', text: { type: 'mrkdwn', text: String(i) } })) };
    const message = withProblemActions(full, { id: 'bce1a-34b', expects: 'nats' });
    assert.equal(message.blocks.length, 50);
    assert.equal(message.blocks[49]?.type, 'actions');
  });

  test('GIVEN a submission THEN its problem, channel and typed value are read; GIVEN metadata that is not ours THEN nothing is', () => {
    const modal = answerModal({ problemId: 'bce1a-34b', channelId: 'C1' }, 'nats, 3 decimals');
    assert.ok(modal.title.text.length <= 24);
    const state = { values: { [ANSWER_BLOCK_ID]: { value: { value: ' 0.163 ' } } } };
    assert.deepEqual(readAnswerSubmission({ private_metadata: modal.private_metadata ?? '', state }), { problemId: 'bce1a-34b', channelId: 'C1', typed: ' 0.163 ' });
    for (const metadata of ['', 'not json', 'null', '{"problemId":7,"channelId":"C1"}', '{"problemId":"bce1a-34b"}']) {
      assert.equal(readAnswerSubmission({ private_metadata: metadata, state }), undefined, metadata);
    }
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DISCORD_LIMITS } from '../../src/adapters/discord/discord-limits.js';
import { carriedExpects, withProblemButtons } from '../../src/adapters/discord/practice-buttons.js';
import { answerModal } from '../../src/adapters/discord/practice-modal.js';
import { readProblemActionId } from '../../src/core/problem-actions.js';
import type { Reply } from '../../src/core/reply.js';

/** The longest id readProblemActionId accepts: 40 characters. */
const LONGEST_ID = `a${'-'.repeat(19)}${'9'.repeat(20)}`;

const problemReply = (expects: string): Reply => ({
  ok: true, command: 'practice', title: 'Practice: kl, level 2', summary: 'D(q‖p)?', fields: [], images: [], problem: { id: 'kl2a-7', expects }, data: {},
});

describe('the answer box and the problem buttons within Discord\'s limits', () => {
  test('GIVEN the longest problem id THEN the modal title keeps to 45 characters and the ids to 100, and the modal id reads back as that problem\'s Answer', () => {
    assert.equal(LONGEST_ID.length, 40);
    const modal = answerModal(LONGEST_ID, 'bits, 4 decimals');
    assert.ok(modal.title.length <= DISCORD_LIMITS.modalTitle, modal.title);
    assert.ok(modal.custom_id.length <= DISCORD_LIMITS.customId);
    assert.deepEqual(readProblemActionId(modal.custom_id), { action: 'answer', problemId: LONGEST_ID });
    const buttons = withProblemButtons({ embeds: [{ title: 'x' }], files: [] }, { ...problemReply('nats'), problem: { id: LONGEST_ID, expects: 'nats' } }).components?.[0]?.components ?? [];
    for (const button of buttons) assert.ok('custom_id' in button && button.custom_id.length <= DISCORD_LIMITS.customId);
  });

  test('GIVEN a problem message THEN its footer carries what to type back to the answer box; a message without one gets a placeholder with no number in it', () => {
    const message = withProblemButtons({ embeds: [{ title: 'Practice' }], files: [] }, problemReply('bits, 4 decimals'));
    assert.equal(carriedExpects(message.embeds.map((e) => ({ footer: e.footer ?? null }))), 'bits, 4 decimals');
    const input = (expects: string | undefined) => (answerModal('kl2a-7', expects).components[0] as { components: Array<{ placeholder?: string }> }).components[0];
    assert.equal(input('bits, 4 decimals')?.placeholder, 'bits, 4 decimals');
    assert.equal(carriedExpects([{ footer: { text: '/derive topic=bce y=1 p=0.85' } }, { footer: null }]), undefined);
    assert.equal(input(undefined)?.placeholder, 'One number');
    const long = input('x'.repeat(300))?.placeholder ?? '';
    assert.ok(long.length <= DISCORD_LIMITS.textInputPlaceholder, `${long.length} characters`);
  });

  test('GIVEN a reply that poses no problem THEN the message is left as it was', () => {
    const plain: Reply = { ...problemReply('nats') };
    delete plain.problem;
    const message = { embeds: [{ title: 'Log loss' }], files: [] };
    assert.deepEqual(withProblemButtons(message, plain), message);
  });
});

import assert from 'node:assert/strict';
import { messages } from '../../src/core/messages.js';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { answerModal } from '../../src/adapters/slack/practice-modal.js';
import { startSlack } from '../../src/adapters/slack/start-slack.js';
import { DEFAULT_LIMITS } from '../../src/config.js';
import { createLogger } from '../../src/core/logger.js';
import { readProblemActionId } from '../../src/core/problem-actions.js';
import { StoreProgress } from '../../src/store/store-progress.js';
import type { FakeSlack, SlackRequest } from './fake-slack.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import { buttonPayload, ephemeralButtonPayload, postSigned, slashForm, viewSubmissionPayload } from './signed-request.js';

// The formula card's problem: y = 1, p = 0.85.
// scikit-learn 1.2.1: log_loss([1], [0.85], labels=[0, 1]) = 0.16251892949777494 -> 0.163 nats at 3 decimals.
// mpmath: -log10(0.85) = 0.0705810742857073, the log10 slip; 0.0709 is that slip, a little off.
const PRACTICE = 'topic=bce seed=843';
const PROBLEM = 'bce1a-34b';

type Element = { type: string; action_id?: string; value?: string; text?: { text: string }; placeholder?: { text: string } };
type Block = { type: string; block_id?: string; text?: { text: string }; elements?: Element[]; element?: Element; fields?: Array<{ text: string }> };
type Modal = { type: string; callback_id: string; private_metadata: string; title: { text: string }; submit: { text: string }; blocks: Block[] };
const blocksOf = (request: SlackRequest) => (request.body.blocks ?? []) as Block[];
const blocksText = (request: SlackRequest) => JSON.stringify(request.body.blocks ?? []);
const buttonsOf = (request: SlackRequest) => blocksOf(request).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
const button = (request: SlackRequest, label: string) => {
  const found = buttonsOf(request).find((b) => b.text?.text === label);
  assert.ok(found, `a ${label} button`);
  return { action_id: found.action_id ?? '', value: found.value ?? '' };
};
const stepText = (request: SlackRequest) => blocksOf(request).find((b) => b.type === 'section' && /Step \d/.test(b.text?.text ?? ''))?.text?.text ?? '';

let harness: SlackHarness;
let fake: FakeSlack;
let port = 0;
let folder = '';
let progress: StoreProgress;
let problemPost: SlackRequest;
const attemptsOf = async (user: string) => (await progress.stats({ platform: 'slack', serverId: 'T1', userId: `T1:${user}` })).attempts;

/** Presses Answer on the problem as `user`, and returns the modal views.open was asked to open. */
async function openModal(user: string): Promise<Modal> {
  const answer = button(problemPost, 'Answer');
  await postSigned(port, buttonPayload(answer.action_id, answer.value, fake.responseUrl(`open-${user}`), user, { text: String(problemPost.body.text), blocks: problemPost.body.blocks }));
  const opened = await fake.request('/api/views.open', (r) => r.body.trigger_id === 'trigger-b' && JSON.stringify(r.body.view).includes(PROBLEM));
  return opened.body.view as Modal;
}

const submit = (modal: Modal, typed: string, user: string) =>
  postSigned(port, viewSubmissionPayload(modal, { lossbot_answer_value: { value: { type: 'plain_text_input', value: typed } } }, user));

before(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'lossbot-slack-practice-'));
  const silent = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  progress = new StoreProgress({ kind: 'sqlite', file: path.join(folder, 'lossbot.sqlite') }, silent);
  harness = await startSlackHarness({ ...DEFAULT_LIMITS, user: { capacity: 100, perMinute: 600 }, channel: { capacity: 100, perMinute: 600 } }, progress);
  ({ fake, port } = harness);
  await postSigned(port, slashForm('/practice', PRACTICE, fake.responseUrl('practice')));
  problemPost = await fake.request('/api/chat.postMessage', (r) => blocksText(r).includes(PROBLEM));
});

after(async () => {
  await harness.stop();
  await progress.close();
  await rm(folder, { recursive: true, force: true });
});

describe('the practice loop on Slack: buttons, a modal, answers to the presser alone', () => {
  test('GIVEN /practice THEN the problem is posted in the channel with Answer, Hint and Solution buttons carrying the problem id', () => {
    assert.equal(problemPost.body.channel, 'C1');
    assert.deepEqual(buttonsOf(problemPost).map((b) => b.text?.text), ['Answer', 'Hint', 'Solution']);
    assert.deepEqual(buttonsOf(problemPost).map((b) => b.action_id), ['lossbot_problem_answer', 'lossbot_problem_hint', 'lossbot_problem_solution']);
    for (const b of buttonsOf(problemPost)) assert.equal(readProblemActionId((b.value ?? '').split('|')[0] ?? '')?.problemId, PROBLEM);
    assert.doesNotMatch(blocksText(problemPost), /0\.163/, 'the answer is not in the message');
  });

  test('GIVEN a classmate presses Answer THEN views.open gets the click\'s trigger id and a modal with one input; 0.163 closes it and "Right" goes to that classmate alone, in the channel, and is kept', async () => {
    const modal = await openModal('U2');
    assert.equal(modal.type, 'modal');
    assert.equal(modal.callback_id, 'lossbot_answer');
    assert.ok(modal.title.text.length <= 24, modal.title.text);
    assert.equal(modal.submit.text, 'Check');
    assert.deepEqual(JSON.parse(modal.private_metadata), { problemId: PROBLEM, channelId: 'C1' });
    const inputs = modal.blocks.filter((b) => b.type === 'input');
    assert.equal(inputs.length, 1);
    assert.equal(inputs[0]?.element?.type, 'plain_text_input');
    assert.equal(inputs[0]?.element?.placeholder?.text, 'nats, 3 decimals');
    assert.match(JSON.stringify(inputs[0]), /Your answer/);

    const response = await submit(modal, '0.163', 'U2');
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '', 'an empty acknowledgement closes the modal');
    const verdict = await fake.request('/api/chat.postEphemeral', (r) => r.body.user === 'U2');
    assert.equal(verdict.body.channel, 'C1');
    assert.match(String(verdict.body.text), /^Right: bce1a-34b/);
    assert.match(blocksText(verdict), /Right: 0\.163 nats/);
    assert.equal(await attemptsOf('U2'), 1);
  });

  test('GIVEN the log10 slip 0.0709 THEN the ephemeral verdict names the mistake', async () => {
    await submit(await openModal('U3'), '0.0709', 'U3');
    const verdict = await fake.request('/api/chat.postEphemeral', (r) => r.body.user === 'U3');
    assert.match(String(verdict.body.text), /^Not quite: bce1a-34b/);
    assert.match(blocksText(verdict), /log base 10/);
    assert.match(blocksText(verdict), /\*Mistake\*\\nlog10/);
  });

  test('GIVEN abc typed THEN the modal stays open with one clear sentence under the box, and nothing is posted or kept', async () => {
    const response = await submit(await openModal('U4'), 'abc', 'U4');
    assert.equal(response.status, 200);
    const body = (await response.json()) as { response_action: string; errors: Record<string, string> };
    assert.equal(body.response_action, 'errors');
    assert.deepEqual(Object.keys(body.errors), ['lossbot_answer_value']);
    assert.equal(body.errors.lossbot_answer_value, messages.answerNotANumber('abc'));
    assert.equal(fake.requests.some((r) => r.path === '/api/chat.postEphemeral' && r.body.user === 'U4'), false);
    assert.equal(await attemptsOf('U4'), 0);
  });

  test('GIVEN Hint and Solution pressed THEN each answers the presser ephemerally through the response_url; the solution pages in place and a page is no attempt', async () => {
    const hint = button(problemPost, 'Hint');
    await postSigned(port, buttonPayload(hint.action_id, hint.value, fake.responseUrl('hint'), 'U5', { text: 'problem', blocks: problemPost.body.blocks }));
    const shownHint = await fake.request('/response/hint');
    assert.equal(shownHint.body.response_type, 'ephemeral');
    assert.equal(shownHint.body.replace_original, false);
    assert.match(stepText(shownHint), /^\*Step 1 of 1: One label is a coin toss/);

    const solution = button(problemPost, 'Solution');
    await postSigned(port, buttonPayload(solution.action_id, solution.value, fake.responseUrl('solution'), 'U5', { text: 'problem', blocks: problemPost.body.blocks }));
    const shown = await fake.request('/response/solution');
    assert.equal(shown.body.response_type, 'ephemeral');
    assert.equal(shown.body.replace_original, false);
    assert.match(String(shown.body.text), /^Worked solution of bce1a-34b/);
    assert.match(stepText(shown), /^\*Step 1 of 5/);
    assert.equal(blocksOf(shown).some((b) => b.type === 'image'), false, 'an ephemeral message shows no uploads');

    const next = button(shown, 'Next');
    await postSigned(port, ephemeralButtonPayload(next.action_id, next.value, fake.responseUrl('solution-2'), 'U5'));
    const page = await fake.request('/response/solution-2');
    assert.equal(page.body.replace_original, true);
    assert.match(stepText(page), /^\*Step 2 of 5/);
    assert.match(button(page, 'Next').value, /:\/answer id=bce1a-34b show=solution$/, 'the replaced page still carries its line in the value');
    assert.equal(await attemptsOf('U5'), 0);
  });

  test('GIVEN a wrong value no slip explains THEN the verdict carries the worked solution, whose pages are no new attempts', async () => {
    await submit(await openModal('U6'), '5', 'U6');
    const verdict = await fake.request('/api/chat.postEphemeral', (r) => r.body.user === 'U6');
    assert.match(String(verdict.body.text), /^Not quite: bce1a-34b: step 1 of 5/);
    assert.equal(await attemptsOf('U6'), 1);
    const next = button(verdict, 'Next');
    await postSigned(port, ephemeralButtonPayload(next.action_id, next.value, fake.responseUrl('wrong-2'), 'U6'));
    const page = await fake.request('/response/wrong-2');
    assert.equal(page.body.replace_original, true);
    assert.match(stepText(page), /^\*Step 2 of 5/);
    assert.equal(await attemptsOf('U6'), 1, 'paging re-ran the line without keeping it again');
  });

  test('GIVEN the bot may not post in the channel THEN the verdict comes as a direct message, saying why', async () => {
    const modal = await openModal('U7');
    fake.failNext.set('chat.postEphemeral', ['not_in_channel']);
    await submit(modal, '0.163', 'U7');
    const dm = await fake.request('/api/chat.postMessage', (r) => r.body.channel === 'U7');
    assert.match(String(dm.body.text), /^Right: bce1a-34b/);
    assert.match(blocksText(dm), /cannot post in the channel of this problem/);
  });

  test('GIVEN the modal cannot open THEN the presser is told how to answer by command', async () => {
    fake.failNext.set('views.open', ['expired_trigger_id']);
    const answer = button(problemPost, 'Answer');
    await postSigned(port, buttonPayload(answer.action_id, answer.value, fake.responseUrl('no-box'), 'U8', { text: 'problem', blocks: problemPost.body.blocks }));
    const told = await fake.request('/response/no-box');
    assert.equal(told.body.response_type, 'ephemeral');
    assert.equal(told.body.text, 'The answer box did not open (expired_trigger_id); answer with `/answer id=bce1a-34b value=<number>` instead.');
  });
});

describe('the answer modal under the rate limits', () => {
  test('GIVEN a student who just answered THEN a second answer at once is refused in the modal, which stays open, and is not kept', { timeout: 20_000 }, async () => {
    const strict = await startSlackHarness({ ...DEFAULT_LIMITS, user: { capacity: 1, perMinute: 1 } }, progress);
    try {
      const modal = answerModal({ problemId: PROBLEM, channelId: 'C1' }, 'nats, 3 decimals');
      const values = { lossbot_answer_value: { value: { type: 'plain_text_input', value: '0.163' } } };
      const first = await postSigned(strict.port, viewSubmissionPayload({ callback_id: modal.callback_id ?? '', private_metadata: modal.private_metadata ?? '' }, values, 'U10'));
      assert.equal(await first.text(), '');
      await strict.fake.request('/api/chat.postEphemeral', (r) => r.body.user === 'U10');
      const second = await postSigned(strict.port, viewSubmissionPayload({ callback_id: modal.callback_id ?? '', private_metadata: modal.private_metadata ?? '' }, values, 'U10'));
      const body = (await second.json()) as { response_action: string; errors: Record<string, string> };
      assert.equal(body.response_action, 'errors');
      assert.match(body.errors.lossbot_answer_value ?? '', /^You are sending commands faster than lossbot answers them for one person; try again in \d+ seconds?\.$/);
      assert.equal(await attemptsOf('U10'), 1);
    } finally {
      await strict.stop();
    }
  });
});

describe('the answer modal in Socket Mode', () => {
  test('GIVEN abc submitted over the socket THEN the acknowledgement carries the error for the box', { timeout: 20_000 }, async () => {
    const silent = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
    const socket = await startSlack({ config: { mode: 'socket', botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: fake.apiUrl }, lossbot: harness.bot, logger: silent, retries: 0 });
    try {
      await fake.socketConnected();
      const modal = answerModal({ problemId: PROBLEM, channelId: 'C1' }, 'nats, 3 decimals');
      const form = viewSubmissionPayload({ callback_id: modal.callback_id ?? '', private_metadata: modal.private_metadata ?? '' }, { lossbot_answer_value: { value: { type: 'plain_text_input', value: 'abc' } } }, 'U11');
      fake.sendEnvelope({ envelope_id: 'env-view', type: 'interactive', accepts_response_payload: true, payload: JSON.parse(form.payload ?? '{}') });
      const ack = await fake.socketMessage((m) => m.envelope_id === 'env-view');
      const payload = ack.payload as { response_action?: string; errors?: Record<string, string> };
      assert.equal(payload.response_action, 'errors');
      assert.match(payload.errors?.lossbot_answer_value ?? '', /^value: "abc" is not a number/);
    } finally {
      await socket.stop();
      await fake.socketClosed();
    }
  });
});

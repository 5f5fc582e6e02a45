import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_LIMITS } from '../../src/config.js';
import type { FakeSlack, SlackRequest } from './fake-slack.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import { buttonPayload, ephemeralButtonPayload, postSigned, slashForm } from './signed-request.js';

const LONG_TEXT = 'topic=bce y=0,0,1,0,1,1,1,1,1,1 p=0.12,0.23,0.34,0.45,0.56,0.67,0.78,0.89,0.91,0.95';

type Block = { type: string; block_id?: string; text?: { text: string }; elements?: Array<{ text?: string; value?: string; action_id?: string }>; slack_file?: { id: string } };
type Button = { action_id: string; value: string; text: { text: string } };
const blocksOf = (request: SlackRequest) => (request.body.blocks ?? []) as Block[];
const buttonsOf = (request: SlackRequest) => blocksOf(request).filter((b) => b.type === 'actions').flatMap((b) => (b.elements ?? []) as unknown as Button[]);
const pictureIds = (request: SlackRequest) => blocksOf(request).filter((b) => b.type === 'image').map((b) => b.slack_file?.id);
const stepText = (request: SlackRequest) => blocksOf(request).find((b) => b.type === 'section' && /Step \d/.test(b.text?.text ?? ''))?.text?.text ?? '';

let harness: SlackHarness;
let fake: FakeSlack;
let port = 0;

before(async () => {
  harness = await startSlackHarness(DEFAULT_LIMITS);
  ({ fake, port } = harness);
});

after(() => harness.stop());

describe('/derive paging on Slack: the line travels in the message, each picture with its step', () => {
  test('GIVEN the 10-point example THEN step 1 shows its own uploaded picture and carries the line; Next reads the line from the message and shows step 2 with its picture', { timeout: 20_000 }, async () => {
    await postSigned(port, slashForm('/derive', LONG_TEXT, fake.responseUrl('d1')));
    const post = await fake.request('/api/chat.postMessage', (r) => JSON.stringify(r.body.blocks ?? []).includes('y=0,0,1,0,1'));
    const line = blocksOf(post).find((b) => b.block_id === 'lossbot_line');
    assert.equal(line?.type, 'context');
    assert.equal(line?.elements?.[0]?.text, `/derive ${LONG_TEXT}`);

    // The step pictures are uploaded unshared, in step order, and the message shows them by id.
    const complete = await fake.request('/api/files.completeUploadExternal', (r) => r.body.channel_id === undefined);
    const uploaded = (complete.body.files as Array<{ id: string; title: string }>);
    assert.match(uploaded[0]?.title ?? '', /step-1$/);
    assert.deepEqual(pictureIds(post), [uploaded[0]?.id]);
    assert.match(stepText(post), /^\*Step 1 of \d/);
    assert.doesNotMatch(stepText(post), /```/, 'the equation is shown once, as the picture');

    const next = buttonsOf(post).find((b) => b.text.text === 'Next');
    assert.ok(next);
    assert.doesNotMatch(next.value, /\/derive/, 'the value no longer carries the line');
    await postSigned(port, buttonPayload(next.action_id, next.value, fake.responseUrl('d2'), 'U1', { text: String(post.body.text), blocks: post.body.blocks }));
    const replaced = await fake.request('/response/d2');
    assert.equal(replaced.body.replace_original, true);
    assert.match(stepText(replaced), /^\*Step 2 of \d/);
    assert.deepEqual(pictureIds(replaced), [uploaded[1]?.id]);
    assert.equal(blocksOf(replaced).find((b) => b.block_id === 'lossbot_line')?.elements?.[0]?.text, `/derive ${LONG_TEXT}`);
  });

  test('GIVEN a short value THEN the line comes from the clicked message; GIVEN an older value with the line THEN it still pages', { timeout: 20_000 }, async () => {
    const message = { text: 'derive', blocks: [{ type: 'context', block_id: 'lossbot_line', elements: [{ type: 'plain_text', text: '/derive topic=bce y=1 p=0.85' }] }] };
    await postSigned(port, buttonPayload('lossbot_page_next', 'U1|lb2:n1', fake.responseUrl('d3'), 'U1', message));
    assert.match(stepText(await fake.request('/response/d3')), /Step 2 of 5: Independent points multiply/);
    await postSigned(port, buttonPayload('lossbot_page_next', 'U1|lb1:n1:/derive topic=bce y=1 p=0.85', fake.responseUrl('d4')));
    assert.match(stepText(await fake.request('/response/d4')), /Step 2 of 5: Independent points multiply/);
  });

  test('GIVEN 10 quick Next clicks THEN every one replaces the page, none is told to slow down', { timeout: 20_000 }, async () => {
    // lb1 values page on either side of the change, so only the click limit is under test here.
    const message = { text: 'derive', blocks: [{ type: 'context', block_id: 'lossbot_line', elements: [{ type: 'plain_text', text: '/derive topic=bce y=1 p=0.85' }] }] };
    const ids = Array.from({ length: 10 }, (_, i) => `q${i}`);
    await Promise.all(ids.map((id, i) => postSigned(port, buttonPayload('lossbot_page_next', `U3|lb1:n${(i % 4) + 1}:/derive topic=bce y=1 p=0.85`, fake.responseUrl(id), 'U3', message))));
    for (const id of ids) {
      const answer = await fake.request(`/response/${id}`);
      assert.equal(answer.body.replace_original, true, String(answer.body.text));
    }
  });

  test('GIVEN /answer … show=solution typed THEN its ephemeral pages turn: Slack sends their clicks without the message, so the line travels in the value', { timeout: 20_000 }, async () => {
    await postSigned(port, slashForm('/answer', 'id=bce1a-34b show=solution', fake.responseUrl('typed'), 'U9'));
    const shown = await fake.request('/response/typed');
    assert.equal(shown.body.response_type, 'ephemeral');
    const next = buttonsOf(shown).find((b) => b.text.text === 'Next');
    assert.ok(next);
    assert.match(next.value, /:\/answer id=bce1a-34b show=solution$/);
    await postSigned(port, ephemeralButtonPayload(next.action_id, next.value, fake.responseUrl('typed-2'), 'U9'));
    const page = await fake.request('/response/typed-2');
    assert.equal(page.body.replace_original, true);
    assert.match(stepText(page), /^\*Step 2 of 5/);
  });
});

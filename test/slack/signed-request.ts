import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';

let counter = 0;

/** The form Slack posts for a slash command; the response_url points at the fake. */
export function slashForm(command: string, text: string, responseUrl: string, userId = 'U1'): Record<string, string> {
  counter += 1;
  return {
    token: 'legacy', team_id: 'T1', team_domain: 'study', channel_id: 'C1', channel_name: 'ml-study', user_id: userId, user_name: 'student',
    command, text, api_app_id: 'A1', is_enterprise_install: 'false', response_url: responseUrl, trigger_id: `trigger-${counter}`,
  };
}

/** A button click on a message, as Slack posts it (form field `payload`). */
export function buttonPayload(actionId: string, value: string, responseUrl: string, userId = 'U1', message: Record<string, unknown> = { text: 'derive' }): Record<string, string> {
  return {
    payload: JSON.stringify({
      type: 'block_actions', user: { id: userId, username: 'student', team_id: 'T1' }, api_app_id: 'A1', token: 'legacy',
      container: { type: 'message', message_ts: '1.000', channel_id: 'C1', is_ephemeral: false }, trigger_id: 'trigger-b',
      team: { id: 'T1', domain: 'study' }, channel: { id: 'C1', name: 'ml-study' }, message: { ts: '1.000', ...message },
      response_url: responseUrl, actions: [{ action_id: actionId, block_id: 'b1', value, type: 'button', action_ts: '1.1' }],
    }),
  };
}

/** A click on a message only its reader sees: Slack sends it without the message, and says it was ephemeral. */
export function ephemeralButtonPayload(actionId: string, value: string, responseUrl: string, userId = 'U1'): Record<string, string> {
  const payload = JSON.parse(buttonPayload(actionId, value, responseUrl, userId).payload ?? '{}') as Record<string, unknown>;
  delete payload.message;
  return { payload: JSON.stringify({ ...payload, container: { type: 'message', message_ts: '2.000', channel_id: 'C1', is_ephemeral: true } }) };
}

/** A modal's submission, as Slack posts it: the view with its private_metadata and the input's state. */
export function viewSubmissionPayload(view: { callback_id: string; private_metadata: string }, values: Record<string, Record<string, { type: string; value: string | null }>>, userId = 'U1'): Record<string, string> {
  return {
    payload: JSON.stringify({
      type: 'view_submission', team: { id: 'T1', domain: 'study' }, user: { id: userId, username: 'student', name: 'student', team_id: 'T1' }, api_app_id: 'A1', token: 'legacy', trigger_id: 'trigger-v',
      view: {
        id: 'V1', team_id: 'T1', type: 'modal', callback_id: view.callback_id, private_metadata: view.private_metadata, blocks: [], state: { values }, hash: '1.abc',
        title: { type: 'plain_text', text: 'Your answer' }, close: null, submit: null, app_id: 'A1', bot_id: 'B1', root_view_id: 'V1', previous_view_id: null, clear_on_close: false, notify_on_close: false,
      },
      response_urls: [], is_enterprise_install: false,
    }),
  };
}

/** POSTs a form to the app with Slack's v0 signature; `age` seconds in the past, `secret` to forge. */
export async function postSigned(port: number, form: Record<string, string>, options: { age?: number; secret?: string } = {}): Promise<Response> {
  const body = new URLSearchParams(form).toString();
  const timestamp = Math.floor(Date.now() / 1000) - (options.age ?? 0);
  const signature = `v0=${createHmac('sha256', options.secret ?? SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
    body,
  });
}

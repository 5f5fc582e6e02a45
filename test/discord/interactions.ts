import { APP_ID, CHANNEL_ID, GUILD_ID } from './fake-discord.js';

let counter = 500000000000000000n;
const nextId = () => String(++counter);

export const ASKER = { id: '400000000000000004', username: 'student', discriminator: '0', global_name: 'Student' };
export const OTHER = { id: '400000000000000005', username: 'classmate', discriminator: '0', global_name: 'Classmate' };

const member = (user: typeof ASKER) => ({ user, roles: [], permissions: '2248473465835073', joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 });

interface CommandOption {
  name: string;
  type: number;
  value: string | number;
}

/** An APPLICATION_COMMAND interaction as Discord sends it in INTERACTION_CREATE. */
export function slashCommand(name: string, options: Record<string, string>, extra: { attachment?: { filename: string; url: string; size: number; contentType: string }; user?: typeof ASKER } = {}) {
  const id = nextId();
  const data: { id: string; name: string; type: number; options: CommandOption[]; resolved?: unknown } = {
    id: nextId(), name, type: 1, options: Object.entries(options).map(([key, value]) => ({ name: key, type: 3, value })),
  };
  if (extra.attachment) {
    const attachmentId = nextId();
    data.options.push({ name: 'file', type: 11, value: attachmentId });
    data.resolved = { attachments: { [attachmentId]: { id: attachmentId, filename: extra.attachment.filename, size: extra.attachment.size, url: extra.attachment.url, proxy_url: extra.attachment.url, content_type: extra.attachment.contentType } } };
  }
  return {
    id, token: `token-${id}`, application_id: APP_ID, type: 2, version: 1, guild_id: GUILD_ID, channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'study' }, member: member(extra.user ?? ASKER), entitlements: [],
    authorizing_integration_owners: { 0: GUILD_ID }, context: 0, locale: 'en-US', guild_locale: 'en-US', app_permissions: '2248473465835073', data,
  };
}

/** A MESSAGE_COMPONENT (button) interaction on a message the bot sent for `asker`. */
export function buttonClick(customId: string, message: Record<string, unknown>, clicker = ASKER, asker = ASKER) {
  const id = nextId();
  return {
    id, token: `token-${id}`, application_id: APP_ID, type: 3, version: 1, guild_id: GUILD_ID, channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'study' }, member: member(clicker), entitlements: [],
    authorizing_integration_owners: { 0: GUILD_ID }, context: 0, locale: 'en-US', guild_locale: 'en-US', app_permissions: '2248473465835073',
    data: { custom_id: customId, component_type: 2 },
    message: { ...message, interaction_metadata: { id: nextId(), type: 2, user: asker, authorizing_integration_owners: { 0: GUILD_ID } } },
  };
}

/**
 * A MODAL_SUBMIT (type 5) interaction as Discord sends it when someone submits a modal opened from
 * a button on `message`: each value in its own text input (type 4) inside an action row.
 */
export function modalSubmit(customId: string, values: Record<string, string>, message: Record<string, unknown>, submitter = ASKER) {
  const id = nextId();
  return {
    id, token: `token-${id}`, application_id: APP_ID, type: 5, version: 1, guild_id: GUILD_ID, channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'study' }, member: member(submitter), entitlements: [],
    authorizing_integration_owners: { 0: GUILD_ID }, context: 0, locale: 'en-US', guild_locale: 'en-US', app_permissions: '2248473465835073',
    data: { custom_id: customId, components: Object.entries(values).map(([input, value]) => ({ type: 1, components: [{ type: 4, custom_id: input, value }] })) },
    message,
  };
}

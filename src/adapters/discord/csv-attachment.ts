import type { Attachment } from 'discord.js';
import { LIMITS } from '../../core/limits.js';
import { messages } from '../../core/messages.js';
import { err } from '../../core/result.js';
import { userError, type Parsed } from '../../core/user-error.js';
import type { DiscordConfig } from './discord-config.js';
import { fetchAttachmentText } from './fetch-attachment.js';

/** What a CSV upload may call itself: Discord guesses the type from the extension. */
const CSV_TYPES = /^(text\/(csv|plain|tab-separated-values)|application\/(csv|vnd\.ms-excel))\b/;
/** Discord: an attachment's `url` is on cdn.discordapp.com, its `proxy_url` on media.discordapp.net. */
const DISCORD_ATTACHMENT_ORIGINS: readonly string[] = ['https://cdn.discordapp.com', 'https://media.discordapp.net'];
/** Covers connecting, the headers and the whole body; the request's own signal may end it sooner. */
const DOWNLOAD_TIMEOUT_MS = 8_000;

/** Discord's attachment hosts, or only the test origin when one is configured (never both). */
export function allowedAttachmentOrigins(config: Pick<DiscordConfig, 'attachmentOrigin'>): readonly string[] {
  if (config.attachmentOrigin === undefined) return DISCORD_ATTACHMENT_ORIGINS;
  return URL.canParse(config.attachmentOrigin) ? [new URL(config.attachmentOrigin).origin] : [];
}

/**
 * Reads the one attachment Discord put in this interaction, never another URL: the option's value
 * is matched to that attachment by name. The size Discord reports rejects a large file early, but
 * the download counts the bytes itself, since the body need not match it; the core's CSV reader
 * enforces the row limit.
 */
export function attachmentReader(
  attachment: Attachment | null,
  config: Pick<DiscordConfig, 'attachmentOrigin'>,
): (source: string, signal?: AbortSignal) => Promise<Parsed<string>> {
  const allowedOrigins = allowedAttachmentOrigins(config);
  return async (source, signal) => {
    if (!attachment || attachment.name !== source) return err(userError('file-unreadable', messages.fileUnreadable(source, 'it was not attached to this command'), 'file'));
    const looksLikeCsv = /\.(csv|tsv|txt)$/i.test(attachment.name) || (attachment.contentType !== null && CSV_TYPES.test(attachment.contentType));
    if (!looksLikeCsv) return err(userError('csv-invalid', messages.notCsv(attachment.name, attachment.contentType ?? 'unknown'), 'file'));
    if (attachment.size > LIMITS.csvBytes) return err(userError('csv-too-large', messages.csvTooLarge(attachment.size, LIMITS.csvBytes), 'file'));
    return fetchAttachmentText(attachment.url, { allowedOrigins, maxBytes: LIMITS.csvBytes, timeoutMs: DOWNLOAD_TIMEOUT_MS, ...(signal ? { signal } : {}) }, attachment.name);
  };
}

import type { Attachment } from 'discord.js';
import type { RunContext } from '../../core/command.js';
import { LIMITS } from '../../core/limits.js';
import { messages } from '../../core/messages.js';
import { err, ok } from '../../core/result.js';
import { userError } from '../../core/user-error.js';

/** What a CSV upload may call itself: Discord guesses the type from the extension. */
const CSV_TYPES = /^(text\/(csv|plain|tab-separated-values)|application\/(csv|vnd\.ms-excel))\b/;
const DOWNLOAD_TIMEOUT_MS = 8_000;

/**
 * Reads the one attachment Discord put in this interaction, never another URL: the option's value
 * is matched to that attachment by name. Size is checked before downloading (Discord reports it),
 * and the core's CSV reader enforces the row limit.
 */
export function attachmentReader(attachment: Attachment | null): RunContext['readCsv'] {
  return async (source) => {
    if (!attachment || attachment.name !== source) return err(userError('file-unreadable', messages.fileUnreadable(source, 'it was not attached to this command'), 'file'));
    const looksLikeCsv = /\.(csv|tsv|txt)$/i.test(attachment.name) || (attachment.contentType !== null && CSV_TYPES.test(attachment.contentType));
    if (!looksLikeCsv) return err(userError('csv-invalid', messages.notCsv(attachment.name, attachment.contentType ?? 'unknown'), 'file'));
    if (attachment.size > LIMITS.csvBytes) return err(userError('csv-too-large', messages.csvTooLarge(attachment.size, LIMITS.csvBytes), 'file'));
    try {
      const response = await fetch(attachment.url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
      if (!response.ok) return err(userError('file-unreadable', messages.fileUnreadable(attachment.name, `Discord answered ${response.status}`), 'file'));
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.byteLength > LIMITS.csvBytes) return err(userError('csv-too-large', messages.csvTooLarge(bytes.byteLength, LIMITS.csvBytes), 'file'));
      // A binary file (an image renamed .csv) has NUL bytes; text never does.
      if (bytes.includes(0)) return err(userError('csv-invalid', messages.notCsv(attachment.name, 'binary data'), 'file'));
      return ok(new TextDecoder('utf-8').decode(bytes));
    } catch {
      return err(userError('file-unreadable', messages.fileUnreadable(attachment.name, 'the download failed; try again'), 'file'));
    }
  };
}

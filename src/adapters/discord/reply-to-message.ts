import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';
import type { Reply, ReplyImage, ReplyTable } from '../../core/reply.js';
import { tableToText } from '../../explain/table.js';
import { DISCORD_LIMITS } from './discord-limits.js';
import { truncate } from '../../core/truncate.js';

/** Discord's blurple, and red for errors: the embed's side bar. */
const COLOURS = { ok: 0x5865f2, error: 0xed4245 } as const;

export interface DiscordFile {
  attachment: Buffer;
  name: string;
  description?: string;
}

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  files: DiscordFile[];
  components?: Array<APIActionRowComponent<APIComponentInMessageActionRow>>;
}

export function imageFile(image: ReplyImage): DiscordFile {
  // Discord: an attachment's description (alt text) is at most 1024 characters.
  return { attachment: Buffer.from(image.png.buffer, image.png.byteOffset, image.png.byteLength), name: image.filename, description: truncate(image.alt, 1024) };
}

/** The table as CSV, for when it does not fit a code block. */
function tableCsv(table: ReplyTable): DiscordFile {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const lines = [table.columns, ...table.rows].map((row) => row.map(quote).join(','));
  return { attachment: Buffer.from(`${lines.join('\n')}\n`), name: 'points.csv', description: table.caption ?? 'The per-point table' };
}

function embedLength(embed: APIEmbed): number {
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
}

/**
 * A Reply as a Discord message: one embed with the title, the summary (markdown as Discord reads
 * it), the fields and the table in a code block when it fits; the PNGs attached and shown in the
 * embeds (`attachment://`). A table too long for the embed is summarised and attached as CSV.
 */
export function replyToMessage(reply: Reply): DiscordMessage {
  const files: DiscordFile[] = [];
  let description = reply.summary;
  if (reply.table) {
    const block = `\n\n\`\`\`\n${tableToText(reply.table)}\n\`\`\``;
    if (description.length + block.length <= DISCORD_LIMITS.embedDescription) description += block;
    else {
      files.push(tableCsv(reply.table));
      description += `\n\nThe per-point table (${reply.table.rows.length} rows) is attached as points.csv.`;
    }
  }
  const main: APIEmbed = {
    title: truncate(reply.title, DISCORD_LIMITS.embedTitle),
    description: truncate(description, DISCORD_LIMITS.embedDescription),
    color: reply.ok ? COLOURS.ok : COLOURS.error,
    fields: reply.fields.slice(0, DISCORD_LIMITS.embedFields).map((f) => ({
      name: truncate(f.name, DISCORD_LIMITS.fieldName),
      value: truncate(f.value, DISCORD_LIMITS.fieldValue),
      inline: f.inline ?? false,
    })),
  };
  const embeds: APIEmbed[] = [main];
  const images = reply.images.slice(0, DISCORD_LIMITS.files - files.length);
  images.forEach((image, i) => {
    if (i === 0) main.image = { url: `attachment://${image.filename}` };
    else if (embeds.length < DISCORD_LIMITS.embeds) embeds.push({ color: main.color, image: { url: `attachment://${image.filename}` } });
    files.push(imageFile(image));
  });
  // Discord rejects a message whose embeds pass 6000 characters in all: shorten the description.
  const over = embeds.reduce((sum, e) => sum + embedLength(e), 0) - DISCORD_LIMITS.embedsTotal;
  if (over > 0 && main.description) main.description = truncate(main.description, Math.max(100, main.description.length - over));
  return { embeds, files: withinUploadLimit(files) };
}

/** Keeps files in order while their total stays under the upload limit (charts are ~100 KB each). */
function withinUploadLimit(files: DiscordFile[]): DiscordFile[] {
  let total = 0;
  return files.filter((file) => {
    total += file.attachment.length;
    return total <= DISCORD_LIMITS.uploadBytes;
  });
}

/** A user error or a refusal: the sentence and the usage line, for an ephemeral reply. */
export function errorText(reply: Reply): string {
  return truncate(reply.summary, DISCORD_LIMITS.content);
}

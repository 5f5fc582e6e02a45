import type { Reply, ReplyStep } from '../../core/reply.js';
import { tableToText } from '../../explain/table.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { truncate } from '../../core/truncate.js';

export type Block = { type: string } & Record<string, unknown>;

export interface SlackMessage {
  /** The notification and screen-reader text; Slack shows blocks when present. */
  text: string;
  blocks: Block[];
}

/** Markdown as the core writes it -> Slack mrkdwn: **bold** is *bold*; _italic_ is the same. */
export function toMrkdwn(markdown: string): string {
  return markdown.replace(/\*\*(.+?)\*\*/g, '*$1*');
}

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) } });

/** Long text in several sections, split at paragraph breaks (Slack: 3,000 characters per section). */
function sections(markdown: string): Block[] {
  const out: Block[] = [];
  let current = '';
  for (const paragraph of toMrkdwn(markdown).split('\n\n')) {
    if (current && current.length + paragraph.length + 2 > SLACK_LIMITS.sectionText) {
      out.push(section(current));
      current = '';
    }
    current = current ? `${current}\n\n${paragraph}` : paragraph;
  }
  if (current) out.push(section(current));
  return out;
}

function fieldBlocks(reply: Reply): Block[] {
  const fields = reply.fields.map((f) => ({ type: 'mrkdwn', text: truncate(`*${f.name}*\n${f.value}`, SLACK_LIMITS.fieldText) }));
  const out: Block[] = [];
  for (let i = 0; i < fields.length; i += SLACK_LIMITS.sectionFields) out.push({ type: 'section', fields: fields.slice(i, i + SLACK_LIMITS.sectionFields) });
  return out;
}

/**
 * A Reply as Block Kit: a header, the explanation in mrkdwn (the key number first), the fields,
 * and the per-point table in a code block when it fits one section; the charts are uploaded
 * separately (upload-charts.ts).
 */
export function replyToBlocks(reply: Reply): SlackMessage {
  const blocks: Block[] = [{ type: 'header', text: { type: 'plain_text', text: truncate(reply.title, SLACK_LIMITS.headerText) } }, ...sections(reply.summary), ...fieldBlocks(reply)];
  if (reply.table) {
    const block = `\`\`\`\n${tableToText(reply.table)}\n\`\`\``;
    blocks.push(section(block.length <= SLACK_LIMITS.sectionText ? block : `The per-point table has ${reply.table.rows.length} rows; the biggest losses are listed in the explanation above.`));
  }
  return { text: truncate(`${reply.title}\n${toMrkdwn(reply.summary)}`, SLACK_LIMITS.fallbackText), blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}

/**
 * One derivation step: its words, then its typeset equation when it was uploaded (`fileId`), else
 * the equation in Unicode: shown once either way. Block Kit shows an uploaded file by its id
 * (`slack_file`), no public URL needed; alt text at most 2,000 characters.
 */
export function stepBlocks(step: ReplyStep, index: number, count: number, fileId?: string): Block[] {
  const equation = step.unicode && !fileId ? `\n\`\`\`${step.unicode}\`\`\`` : '';
  const words = section(`*Step ${index + 1} of ${count}: ${step.title}*\n${step.text}${equation}`);
  if (!fileId) return [words];
  const alt = truncate(step.image?.alt ?? step.unicode ?? step.title, 2000);
  return [words, { type: 'image', slack_file: { id: fileId }, alt_text: alt }];
}

/** A user error or refusal: the sentence and the usage, as an ephemeral response. */
export function errorMessage(reply: Reply): { response_type: 'ephemeral'; text: string } {
  return { response_type: 'ephemeral', text: truncate(toMrkdwn(reply.summary), SLACK_LIMITS.fallbackText) };
}

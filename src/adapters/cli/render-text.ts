import type { Reply } from '../../core/reply.js';
import { tableToText } from '../../explain/table.js';

/** Markdown emphasis means nothing in a terminal. */
function plain(markdown: string): string {
  return markdown.replace(/\*\*(.+?)\*\*/g, '$1').replace(/(^|\s)_(.+?)_(?=\s|$)/g, '$1$2');
}

/** A Reply as a person reads it in a terminal: number first, explanation, fields, table, files. */
export function renderText(reply: Reply, imagePaths: readonly string[] = []): string {
  if (!reply.ok) {
    const kind = reply.error?.code === 'internal' ? 'internal error' : 'user error';
    return `${kind}: ${plain(reply.summary)}`;
  }
  const sections = [reply.title, plain(reply.summary)];
  if (reply.fields.length > 0) {
    const width = Math.max(...reply.fields.map((field) => field.name.length));
    // A value's later lines start under its first, so the names stay a column (/lossbot help).
    const hang = `\n${' '.repeat(width + 2)}`;
    sections.push(reply.fields.map((field) => `${field.name.padEnd(width)}  ${field.value.replaceAll('\n', hang)}`).join('\n'));
  }
  if (reply.table) sections.push(tableToText(reply.table));
  // A terminal has no buttons to page with: every step, its words and its equation in Unicode.
  for (const [k, step] of (reply.steps ?? []).entries()) {
    sections.push([`Step ${k + 1} of ${reply.steps?.length ?? 0}: ${step.title}`, step.text, ...(step.unicode ? [indent(step.unicode)] : [])].join('\n'));
  }
  if (imagePaths.length > 0) sections.push([reply.steps ? 'Images:' : 'Charts:', ...imagePaths.map((p, i) => `  ${p}  (${reply.images[i]?.alt ?? ''})`)].join('\n'));
  return sections.join('\n\n');
}

function indent(text: string): string {
  return text.split('\n').map((line) => `    ${line}`).join('\n');
}

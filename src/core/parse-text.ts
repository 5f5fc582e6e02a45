import { messages } from './messages.js';
import { err, ok } from './result.js';
import { userError, type Parsed } from './user-error.js';

export interface RawOption {
  name: string;
  value: string;
}

/** A command line split into its name and raw `name=value` pairs (duplicates kept for dispatch to reject). */
export interface RawRequest {
  command: string;
  options: RawOption[];
}

/**
 * An option starts at a name followed by `=`, or by `:` when the name is one of the command's
 * options (`/logloss y:1 p:0.85`); its value runs until the next start. Only known names take a
 * colon, so a value with colons of its own (`class_weight=0:1,1:3`, a time) is never split.
 */
const OPTION_START = /(^|\s)([A-Za-z][A-Za-z0-9_-]*)\s*([=:])/g;
const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’' };

/** `/logloss y=1,0 p=0.9,0.2` (CLI, console) -> command + option text. */
export function splitCommandLine(line: string): { command: string; rest: string } {
  const trimmed = line.trim().replace(/^\//, '');
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!match) return { command: '', rest: '' };
  return { command: (match[1] ?? '').toLowerCase(), rest: match[2] ?? '' };
}

/** The option text of a slash command (what Slack sends as `text`); `known`: the command's option names. */
export function parseOptionText(text: string, known: readonly string[] = []): Parsed<RawOption[]> {
  const starts: Array<{ name: string; at: number; valueAt: number }> = [];
  for (const match of text.matchAll(OPTION_START)) {
    const lead = match[1] ?? '';
    const name = (match[2] ?? '').toLowerCase();
    if (match[3] === ':' && !known.includes(name)) continue;
    starts.push({ name, at: (match.index ?? 0) + lead.length, valueAt: (match.index ?? 0) + match[0].length });
  }
  const before = text.slice(0, starts[0]?.at ?? text.length).trim();
  if (before.length > 0) return err(userError('bad-syntax', messages.badSyntax(before)));
  const options = starts.map((start, i) => {
    const end = starts[i + 1]?.at ?? text.length;
    return { name: start.name, value: unquote(text.slice(start.valueAt, end).trim()) };
  });
  return ok(options);
}

export function parseCommandLine(line: string, known: readonly string[] = []): Parsed<RawRequest> {
  const { command, rest } = splitCommandLine(line);
  const options = parseOptionText(rest, known);
  return options.ok ? ok({ command, options: options.value }) : options;
}

function unquote(value: string): string {
  const close = QUOTES[value[0] ?? ''];
  return close !== undefined && value.length >= 2 && value.endsWith(close) ? value.slice(1, -1).trim() : value;
}

import { messages } from './messages.js';
import { err, ok } from './result.js';
import { userError, type Parsed } from './user-error.js';

/**
 * A list of lists, as numpy and Python print them: `[[0.2,0.7,0.1],[0.6,0.2,0.2]]`, with or
 * without spaces, a comma or nothing between the rows, with or without the outer brackets. Rows are points (or whatever the command
 * says), each a flat list split like any other (commas, spaces or semicolons).
 */
export interface Rows {
  rows: string[][];
  /** Tokens in every row; all rows have it. */
  width: number;
}

const OPEN = new Set(['[', '(', '{']);
const CLOSE: Record<string, string> = { '[': ']', '(': ')', '{': '}' };

const stray = (text: string) => text.replace(/^[\s,;]+|[\s,;]+$/g, '');

/** Whether `raw` is written as a list of lists (a bracket inside the outer one, or bracketed rows side by side). */
export function looksLikeRows(raw: string): boolean {
  const text = raw.trim();
  return OPEN.has(text[0] ?? '') && /[[({]/.test(text.slice(1));
}

type Groups = { ok: true; groups: string[]; spans: boolean } | { ok: false; problem: string };

/** The bracketed groups at the top level of `text`, and whether one group spans all of it. */
function topLevelGroups(text: string): Groups {
  const groups: string[] = [];
  const stack: string[] = [];
  let start = 0;
  let between = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (OPEN.has(ch)) {
      if (stack.length === 0) {
        if (/[^\s,;]/.test(between)) return { ok: false, problem: `"${stray(between)}" stands outside the rows` };
        start = i + 1;
      }
      stack.push(ch);
      continue;
    }
    if (ch === ']' || ch === ')' || ch === '}') {
      const open = stack.pop();
      if (open === undefined || CLOSE[open] !== ch) return { ok: false, problem: `a "${ch}" closes no row` };
      if (stack.length === 0) {
        groups.push(text.slice(start, i));
        between = '';
      }
      continue;
    }
    if (stack.length === 0) between += ch;
  }
  if (stack.length > 0) return { ok: false, problem: `row ${groups.length + 1} is not closed` };
  if (/[^\s,;]/.test(between)) return { ok: false, problem: `"${stray(between)}" stands outside the rows` };
  return { ok: true, groups, spans: groups.length === 1 && OPEN.has(text[0] ?? '') && CLOSE[text[0] ?? ''] === text[text.length - 1] };
}

/**
 * `[[a,b],[c,d]]` (or `[a,b],[c,d]`) -> [['a','b'],['c','d']]. One sentence for what is wrong: an
 * unclosed or extra bracket, a third level, a value outside the rows, an empty row, or rows of
 * different lengths.
 */
export function splitRows(name: string, raw: string): Parsed<Rows> {
  const fail = (problem: string) => err(userError('bad-rows', messages.badRows(name, raw, problem), name));
  let found = topLevelGroups(raw.trim());
  // One outer pair around the rows, as numpy prints them.
  if (found.ok && found.spans && /[[({]/.test(found.groups[0] ?? '')) found = topLevelGroups(found.groups[0] ?? '');
  if (!found.ok) return fail(found.problem);
  const rows: string[][] = [];
  for (const group of found.groups) {
    if (/[[({]/.test(group)) return fail('lists go two levels deep at most (rows of values)');
    const row = group.split(/[\s,;]+/).filter((token) => token.length > 0);
    if (row.length === 0) return fail(`row ${rows.length + 1} is empty`);
    rows.push(row);
  }
  const width = rows[0]?.length ?? 0;
  const ragged = rows.findIndex((row) => row.length !== width);
  if (ragged >= 0) {
    const n = rows[ragged]?.length ?? 0;
    return err(userError('ragged-rows', messages.raggedRows(name, ragged + 1, n, width), name));
  }
  return ok({ rows, width });
}

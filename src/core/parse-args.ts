import { ParsedArgs } from './args.js';
import type { Command } from './command.js';
import { LIMITS } from './limits.js';
import { messages } from './messages.js';
import type { NumbersOption, OptionSpec, ParsedNumbers, ParsedValue } from './options.js';
import { describeNumbers, parseNumberToken, percentBelowOne } from './parse-number.js';
import { splitList } from './parse-list.js';
import { looksLikeRows, splitRows } from './parse-rows.js';
import type { RawOption } from './parse-text.js';
import { err, ok } from './result.js';
import { closest } from './suggest.js';
import { userError, type Parsed } from './user-error.js';

/** A csv option's value names a file (a path in the CLI, an attachment on Discord) that is fetched later. */
export interface FileRequest {
  option: string;
  source: string;
}

/** Every option but the files, validated; the files to fetch once the request is admitted. */
export interface ReadArgs {
  values: ReadonlyMap<string, ParsedValue>;
  files: readonly FileRequest[];
}

/**
 * Raw `name=value` strings (from Slack/CLI text or Discord's typed options, which are strings
 * for lists) -> validated values. Nothing is fetched here: a file is only named, so bad input
 * and refusals are answered before any download. Cross-option meaning is the command's `check`.
 */
export function readArgs(command: Command, raw: readonly RawOption[]): Parsed<ReadArgs> {
  const shape = checkShape(command, raw);
  if (!shape.ok) return shape;
  const values = new Map<string, ParsedValue>();
  const files: FileRequest[] = [];
  for (const spec of command.options) {
    const given = shape.value.get(spec.name);
    if (given === undefined) {
      if (spec.kind === 'choice' && spec.default !== undefined) values.set(spec.name, { kind: 'choice', value: spec.default });
      continue;
    }
    if (spec.kind === 'csv') {
      const source = given.trim();
      if (source.length === 0) return err(userError('empty-value', messages.emptyValue(spec.name, describe(spec)), spec.name));
      files.push({ option: spec.name, source });
      continue;
    }
    const parsed = parseValue(spec, given);
    if (!parsed.ok) return parsed;
    values.set(spec.name, parsed.value);
  }
  return ok({ values, files });
}

/** The arguments with the fetched files' text in place. */
export function withFiles(read: ReadArgs, texts: ReadonlyMap<string, string>): ParsedArgs {
  const values = new Map(read.values);
  for (const file of read.files) values.set(file.option, { kind: 'csv', text: texts.get(file.option) ?? '', source: file.source });
  return new ParsedArgs(values);
}

/** Names known, none twice, exclusive groups respected, required options present. */
function checkShape(command: Command, raw: readonly RawOption[]): Parsed<Map<string, string>> {
  const known = command.options.map((o) => o.name);
  const given = new Map<string, string>();
  for (const { name, value } of raw) {
    if (!known.includes(name)) {
      return err(userError('unknown-option', messages.unknownOption(command.name, name, known, closest(name, known)), name));
    }
    if (given.has(name)) return err(userError('duplicate-option', messages.duplicateOption(name), name));
    given.set(name, value);
  }
  for (const group of command.exclusive) {
    const present = group.members.filter((m) => given.has(m));
    if (present.length > 1) return err(userError('conflicting-options', messages.conflicting(present), present[1]));
    if (present.length === 0 && group.required) return err(userError('missing-option', messages.missingOneOf(group.members)));
  }
  for (const spec of command.options) {
    const excused = spec.requiredUnless?.some((other) => given.has(other)) ?? false;
    if (spec.required && !excused && !given.has(spec.name)) {
      return err(userError('missing-option', messages.missingOption(spec.name, describe(spec)), spec.name));
    }
  }
  return ok(given);
}

function parseValue(spec: Exclude<OptionSpec, { kind: 'csv' }>, raw: string): Parsed<ParsedValue> {
  if (spec.kind === 'choice') {
    const value = raw.trim().toLowerCase();
    if (!spec.choices.includes(value)) return err(userError('invalid-choice', messages.invalidChoice(spec.name, raw, spec.choices), spec.name));
    return ok({ kind: 'choice', value });
  }
  const rows = looksLikeRows(raw) ? splitRows(spec.name, raw) : undefined;
  if (rows && !rows.ok) return rows;
  if (rows && spec.kind === 'numbers' && !spec.rows) return err(userError('rows-not-accepted', messages.rowsNotAccepted(spec.name), spec.name));
  const tokens = rows ? rows.value.rows.flat() : splitList(raw);
  if (tokens.length === 0) return err(userError('empty-value', messages.emptyValue(spec.name, describe(spec)), spec.name));
  if (tokens.length > LIMITS.inlineValues) {
    return err(userError('too-many-values', messages.tooManyValues(spec.name, tokens.length, LIMITS.inlineValues), spec.name));
  }
  if (spec.kind === 'tokens') return ok({ kind: 'tokens', tokens, ...(rows ? { rows: rows.value.rows } : {}) });
  const numbers = parseNumbers(spec, tokens);
  if (!numbers.ok || !rows) return numbers;
  return ok({ ...numbers.value, columns: rows.value.width });
}

function parseNumbers(spec: NumbersOption, tokens: readonly string[]): Parsed<ParsedNumbers> {
  const values = new Float64Array(tokens.length);
  let percentTokens = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const parsed = parseNumberToken(token, spec);
    if (!parsed.ok) return parsed;
    const meant = percentBelowOne(token, parsed.value, spec);
    if (!meant.ok) return meant;
    values[i] = parsed.value.value;
    if (parsed.value.percent) percentTokens++;
  }
  return ok({ kind: 'numbers', values, percentTokens });
}

function describe(spec: OptionSpec): string {
  switch (spec.kind) {
    case 'numbers':
      return describeNumbers(spec);
    case 'tokens':
      return spec.what ?? 'a list of values';
    case 'choice':
      return `one of ${spec.choices.join(', ')}`;
    case 'csv':
      return 'a CSV file';
  }
}

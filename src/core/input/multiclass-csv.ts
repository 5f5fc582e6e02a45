import type { LogBase, Prediction } from '../../loss/index.js';
import { LIMITS } from '../limits.js';
import { messages } from '../messages.js';
import { err, ok } from '../result.js';
import { userError, type Parsed } from '../user-error.js';
import { readBinaryForms } from './binary-forms.js';
import { readLabelValues } from './class-labels.js';
import { LOGLOSS_CSV_SPEC } from './logloss-csv.js';
import { multiclassInput, type MulticlassInput } from './multiclass-input.js';

/** A binary CSV whose labels are class names (`y,p` with y = no/yes): read as 0/1, said how. */
export interface NamedBinaryCsv {
  y: Float64Array;
  prediction: Prediction;
  weights?: Float64Array;
  readAs: string[];
}

const aliasesOf = (name: string) => LOGLOSS_CSV_SPEC.columns.find((c) => c.name === name)?.aliases ?? [];
const Y_ALIASES = aliasesOf('y');
const W_ALIASES = aliasesOf('w');
const BINARY_ALIASES = new Set(LOGLOSS_CSV_SPEC.columns.flatMap((c) => c.aliases));
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const unquote = (cell: string) => {
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).trim() : trimmed;
};

function delimiterOf(text: string): string {
  const sample = text.slice(0, 4096);
  return sample.includes(',') ? ',' : sample.includes('\t') ? '\t' : sample.includes(';') ? ';' : ',';
}

/** The non-blank lines after the header, with their line numbers for messages. */
function* dataLines(lines: readonly string[], from: number): Generator<[string, number]> {
  for (let i = from; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    if (line.trim().length > 0) yield [line, i + 1];
  }
}

interface Layout {
  header: string[];
  y: number;
  w: number;
  /** Class columns, or the one p column of a binary CSV. */
  values: number[];
  multiclass: boolean;
}

/** The first `count` non-blank lines, found without splitting the whole text (a numeric CSV may have a million rows). */
function firstLines(text: string, count: number): string[] {
  const out: string[] = [];
  let pos = 0;
  while (out.length < count && pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(pos, end).replace(/\r$/, '');
    if (line.trim().length > 0) out.push(line);
    pos = end + 1;
  }
  return out;
}

/**
 * Which CSVs are read here: a header with y and at least two class columns (`y,cat,dog,bird`, w
 * allowed), or the binary `y,p` layout whose first label is a word. Anything else is the numeric
 * reader's (csv.ts), which stays the fast path for a million 0/1 rows.
 */
function layoutOf(text: string, delimiter: string): Layout | undefined {
  const [headerLine, sample] = firstLines(text, 2);
  if (headerLine === undefined) return undefined;
  const header = headerLine.split(delimiter).map(unquote);
  const lower = header.map((cell) => cell.toLowerCase());
  const y = lower.findIndex((cell) => Y_ALIASES.includes(cell));
  if (y < 0) return undefined;
  const w = lower.findIndex((cell, i) => i !== y && W_ALIASES.includes(cell));
  const others = header.map((_, i) => i).filter((i) => i !== y && i !== w);
  // x1, x2, … are features for a fit (logloss-csv.ts), never classes.
  if (others.some((i) => /^x\d+$/.test(lower[i] as string))) return undefined;
  if (others.every((i) => BINARY_ALIASES.has(lower[i] as string))) {
    const p = others.find((i) => aliasesOf('p').includes(lower[i] as string));
    if (others.length !== 1 || p === undefined) return undefined;
    const label = sample === undefined ? '' : unquote(sample.split(delimiter)[y] ?? '');
    if (NUMBER.test(label) || !/\p{L}/u.test(label)) return undefined;
    return { header, y, w, values: [p], multiclass: false };
  }
  return { header, y, w, values: others, multiclass: true };
}

/**
 * The CSV forms with class names: `y,cat,dog,bird` (one probability column per class, named by
 * the class, header required) and `y,p` with word labels. Undefined for every other CSV.
 */
export function readClassCsv(text: string, base: LogBase): Parsed<MulticlassInput | NamedBinaryCsv> | undefined {
  const delimiter = delimiterOf(text);
  const layout = layoutOf(text, delimiter);
  if (!layout) return undefined;
  const { header } = layout;
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trim().length > 0);
  if (layout.multiclass && layout.values.length < 2) return err(userError('csv-invalid', messages.csvClassHeader(header.join(',')), 'file'));
  const k = layout.values.length;
  const tokens: string[] = [];
  const weights: number[] = [];
  let p = new Float64Array(1024 * k);
  for (const [line, number] of dataLines(lines, first + 1)) {
    if (tokens.length >= LIMITS.csvRows) return err(userError('csv-too-large', messages.csvTooManyRows(LIMITS.csvRows), 'file'));
    const cells = line.split(delimiter);
    if (cells.length !== header.length) return err(userError('csv-invalid', messages.csvColumns(number, cells.length, header.length), 'file'));
    const row = tokens.length;
    if ((row + 1) * k > p.length) {
      const grown = new Float64Array(p.length * 2);
      grown.set(p);
      p = grown;
    }
    for (let j = 0; j < k; j++) {
      const column = layout.values[j] as number;
      const cell = unquote(cells[column] as string);
      const value = NUMBER.test(cell) ? Number(cell) : NaN;
      if (!(value >= 0 && value <= 1)) return err(userError('csv-invalid', messages.csvClassCell(number, header[column] as string, cell), 'file'));
      p[row * k + j] = value;
    }
    if (layout.w >= 0) {
      const cell = unquote(cells[layout.w] as string);
      const value = NUMBER.test(cell) ? Number(cell) : NaN;
      if (!(value >= 0 && value < Infinity)) return err(userError('csv-invalid', messages.csvCell(number, 'w', cell, 'a weight of at least 0'), 'file'));
      weights.push(value);
    }
    tokens.push(unquote(cells[layout.y] as string));
  }
  if (tokens.length === 0) return err(userError('csv-invalid', messages.csvEmpty(), 'file'));
  const y = readLabelValues('y', tokens, layout.multiclass ? 'class labels (all numbers or all words)' : 'numbers from 0 to 1');
  if (!y.ok) return y;
  const w = layout.w >= 0 ? Float64Array.from(weights) : undefined;
  const values = p.subarray(0, tokens.length * k);
  if (!layout.multiclass) {
    const binary = readBinaryForms(y.value, undefined);
    if (!binary.ok) return binary;
    return ok({ y: binary.value.y, prediction: { kind: 'p', values }, readAs: binary.value.readAs, ...(w ? { weights: w } : {}) });
  }
  // The header names the classes in column order, as labels= does inline.
  const classes = readLabelValues('file', layout.values.map((j) => header[j] as string), 'class names');
  if (!classes.ok) return classes;
  return multiclassInput(y.value, classes.value, { p: values, k, base, percentTokens: 0, source: 'csv', weights: w });
}

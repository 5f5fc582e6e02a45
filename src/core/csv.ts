import { LIMITS } from './limits.js';
import { messages } from './messages.js';
import { err, ok } from './result.js';
import { userError, type Parsed } from './user-error.js';

/** What one column may hold; checked while parsing so errors can name the line. */
export interface CsvColumnSpec {
  /** Canonical name (y, p, logits, x, w). */
  name: string;
  /** Header names that mean this column, lowercase. */
  aliases: readonly string[];
  min?: number;
  max?: number;
  /** Words for error messages: "a probability from 0 to 1". */
  what: string;
  /** Header names matching this are columns of this kind, each named by its header (x1, x2, …). */
  pattern?: RegExp;
}

export interface CsvSpec {
  columns: readonly CsvColumnSpec[];
  /** Column order assumed when there is no header, by column count (e.g. 2: [y, p]). */
  headerless: Readonly<Record<number, readonly string[]>>;
}

export interface CsvTable {
  columns: Map<string, Float64Array>;
  rows: number;
  hadHeader: boolean;
}

const NEWLINE = 10;
const CR = 13;

/**
 * A small, fast CSV reader for numeric columns: one pass over the text, no per-row arrays.
 * Hand-written because general CSV libraries spend most of their time on quoting rules that
 * numeric data never needs; quoted numbers are still accepted.
 */
export function parseNumericCsv(text: string, spec: CsvSpec): Parsed<CsvTable> {
  const delimiter = detectDelimiter(text);
  let pos = skipBlankLines(text, 0);
  const firstEnd = lineEnd(text, pos);
  const firstCells = text.slice(pos, firstEnd).split(delimiter).map(cleanCell);
  const hadHeader = firstCells.some((cell) => !isNumeric(cell));
  let order: readonly string[] | undefined;
  if (hadHeader) {
    const mapped = mapHeader(firstCells, spec);
    if (!mapped.ok) return mapped;
    order = mapped.value;
    pos = skipBlankLines(text, nextLine(text, firstEnd));
  } else {
    order = spec.headerless[firstCells.length];
    if (!order) return err(userError('csv-invalid', messages.csvNoHeader(firstCells.length, Object.values(spec.headerless).map((o) => o.join(','))), 'file'));
  }
  const columnSpecs = order.map((name) => spec.columns.find((c) => c.name === name || c.pattern?.test(name)));
  const width = order.length;
  const mins = columnSpecs.map((c) => c?.min ?? -Infinity);
  const maxs = columnSpecs.map((c) => c?.max ?? Infinity);
  let capacity = 1024;
  let buffers = order.map(() => new Float64Array(capacity));
  let rows = 0;
  let line = hadHeader ? 2 : 1;
  while (pos < text.length) {
    const end = lineEnd(text, pos);
    if (end > pos && !isBlank(text, pos, end)) {
      if (rows >= LIMITS.csvRows) return err(userError('csv-too-large', messages.csvTooManyRows(LIMITS.csvRows), 'file'));
      if (rows === capacity) {
        capacity *= 2;
        buffers = buffers.map((old) => {
          const grown = new Float64Array(capacity);
          grown.set(old);
          return grown;
        });
      }
      let cellStart = pos;
      for (let c = 0; c < width; c++) {
        const next = text.indexOf(delimiter, cellStart);
        const found = next !== -1 && next < end;
        if (c === width - 1 && found) return err(userError('csv-invalid', messages.csvColumns(line, width + 1, width), 'file'));
        if (c < width - 1 && !found) return err(userError('csv-invalid', messages.csvColumns(line, c + 1, width), 'file'));
        const cut = found ? next : end;
        // Labels are one digit: read them without making a string.
        const code = text.charCodeAt(cellStart);
        const value = cut - cellStart === 1 && code >= 48 && code <= 57 ? code - 48 : toNumber(text.slice(cellStart, cut));
        if (value === undefined || value < (mins[c] as number) || value > (maxs[c] as number)) {
          return err(userError('csv-invalid', messages.csvCell(line, order[c] ?? String(c + 1), text.slice(cellStart, cut), columnSpecs[c]?.what ?? 'a number'), 'file'));
        }
        (buffers[c] as Float64Array)[rows] = value;
        cellStart = cut + 1;
      }
      rows++;
    }
    pos = nextLine(text, end);
    line++;
  }
  if (rows === 0) return err(userError('csv-invalid', messages.csvEmpty(), 'file'));
  const columns = new Map<string, Float64Array>();
  order.forEach((name, c) => columns.set(name, (buffers[c] as Float64Array).subarray(0, rows)));
  return ok({ columns, rows, hadHeader });
}

function mapHeader(cells: readonly string[], spec: CsvSpec): Parsed<string[]> {
  const order: string[] = [];
  for (const cell of cells) {
    const name = cell.toLowerCase();
    const column = spec.columns.find((c) => c.aliases.includes(name) || c.pattern?.test(name));
    const canonical = column?.pattern?.test(name) ? name : column?.name;
    if (canonical === undefined || order.includes(canonical)) return err(userError('csv-invalid', messages.csvHeader(cells.join(',')), 'file'));
    order.push(canonical);
  }
  return ok(order);
}

function detectDelimiter(text: string): string {
  const sample = text.slice(0, 4096);
  if (sample.includes(',')) return ',';
  if (sample.includes('\t')) return '\t';
  return sample.includes(';') ? ';' : ',';
}

function lineEnd(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  const end = nl === -1 ? text.length : nl;
  return end > pos && text.charCodeAt(end - 1) === CR ? end - 1 : end;
}

function nextLine(text: string, end: number): number {
  if (text.charCodeAt(end) === CR) end++;
  return text.charCodeAt(end) === NEWLINE ? end + 1 : end === text.length ? end : end + 1;
}

function skipBlankLines(text: string, pos: number): number {
  while (pos < text.length) {
    const end = lineEnd(text, pos);
    if (!isBlank(text, pos, end)) return pos;
    pos = nextLine(text, end);
  }
  return pos;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

function cleanCell(cell: string): string {
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).trim() : trimmed;
}

function isNumeric(cell: string): boolean {
  return toNumber(cell) !== undefined;
}

/**
 * A cell as a finite number, or undefined. Number() does the exact decimal conversion; it also
 * accepts "", "0x1f", "0b1", "Infinity" and surrounding spaces, so those are ruled out by looking
 * at the first two characters (cheap enough for two million cells).
 */
function toNumber(raw: string): number | undefined {
  let cell = raw;
  const first = cell.charCodeAt(0);
  if (cell.length === 1) return first >= 48 && first <= 57 ? first - 48 : undefined;
  if (cell.length === 0 || first === 32 || first === 9 || first === 34 || cell.charCodeAt(cell.length - 1) === 32) {
    cell = cleanCell(cell);
    if (cell.length === 0) return undefined;
  }
  const lead = cell.charCodeAt(0);
  const isDigit = lead >= 48 && lead <= 57;
  if (!isDigit && lead !== 46 && lead !== 45 && lead !== 43) return undefined;
  const second = cell.charCodeAt(1) | 32;
  if (second === 120 || second === 98 || second === 111 || second === 105) return undefined; // 0x, 0b, 0o, -Infinity
  const value = Number(cell);
  return Number.isFinite(value) ? value + 0 : undefined;
}

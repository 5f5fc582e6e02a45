import { messages } from '../messages.js';
import type { ParsedTokens } from '../options.js';
import { err, ok } from '../result.js';
import { userError, type Parsed } from '../user-error.js';
import { looksNumeric, readNumbers, type Reading } from './distribution-input.js';

/** scipy.stats.entropy's axis: 0 (its default) normalises and sums down each column, 1 along each row. */
export type Axis = 0 | 1;

/** q (and p) written as rows, cut into distributions along the axis. */
export interface DistributionRows {
  axis: Axis;
  /** Whether the user wrote axis= (the answer says the default was used otherwise). */
  axisGiven: boolean;
  /** Rows × columns as written. */
  shape: [number, number];
  /** One distribution per column (axis 0) or row (axis 1), as given; normalised later. */
  q: number[][];
  p?: number[][];
  qReading: Reading[];
  pReading?: Reading[];
  /** Each row of q sums to 1 while the columns are taken (axis 0): the rows may have been meant. */
  rowsSumToOne: boolean;
}

const shapeOf = (rows: readonly string[][]): [number, number] => [rows.length, rows[0]?.length ?? 0];
const describeShape = ([r, c]: [number, number]) => `${r} row${r === 1 ? '' : 's'} of ${c}`;

/** axis= as written: absent, 0 or 1 (scipy also takes −1; "0 or 1" is all a 2-D list needs). */
export function readAxis(given: ParsedTokens | undefined): Parsed<Axis | undefined> {
  if (!given) return ok(undefined);
  const token = given.tokens.join(',').trim();
  if (given.rows || (token !== '0' && token !== '1')) return err(userError('invalid-choice', messages.badAxis(token), 'axis'));
  return ok(token === '0' ? 0 : 1);
}

/** The j-th distribution along the axis: column j for axis 0, row j for axis 1. */
function along(rows: readonly string[][], axis: Axis): string[][] {
  if (axis === 1) return rows.map((row) => [...row]);
  return (rows[0] ?? []).map((_, j) => rows.map((row) => row[j] as string));
}

function readAll(name: string, rows: readonly string[][], axis: Axis): Parsed<{ values: number[][]; readings: Reading[] }> {
  const bad = rows.flat().find((t) => !looksNumeric([t]));
  if (bad !== undefined) return err(userError('not-a-number', messages.rowsNeedNumbers(name, bad), name));
  const values: number[][] = [];
  const readings: Reading[] = [];
  for (const [j, tokens] of along(rows, axis).entries()) {
    const read = readNumbers(name, tokens);
    if (!read.ok) {
      if (read.error.code !== 'all-zero') return read;
      return err(userError('all-zero', messages.distributionAllZero(name, `${axis === 0 ? 'column' : 'row'} ${j + 1}`), name));
    }
    values.push(read.value.values);
    readings.push(read.value.reading);
  }
  return ok({ values, readings });
}

function sumsToOne(values: readonly number[]): boolean {
  return Math.abs(values.reduce((a, b) => a + b, 0) - 1) <= 1e-6;
}

/**
 * 2-D q (and p of the same shape) as scipy.stats.entropy(q, p, axis=…) reads them: every value a
 * probability or count, each distribution along the axis normalised on its own.
 */
export function readDistributionRows(qRows: readonly string[][], pRows: readonly string[][] | undefined, axisGiven: Axis | undefined): Parsed<DistributionRows> {
  const shape = shapeOf(qRows);
  if (pRows) {
    const pShape = shapeOf(pRows);
    if (pShape[0] !== shape[0] || pShape[1] !== shape[1]) {
      return err(userError('length-mismatch', messages.shapeMismatch(describeShape(shape), describeShape(pShape)), 'p'));
    }
  }
  const axis = axisGiven ?? 0;
  const q = readAll('q', qRows, axis);
  if (!q.ok) return q;
  const p = pRows ? readAll('p', pRows, axis) : undefined;
  if (p && !p.ok) return p;
  const rowsSumToOne = axis === 0 && q.value.readings.some((r) => r === 'counts') && qRows.every((row) => sumsToOne(row.map(Number)));
  return ok({
    axis,
    axisGiven: axisGiven !== undefined,
    shape,
    q: q.value.values,
    qReading: q.value.readings,
    ...(p && pRows ? { p: p.value.values, pReading: p.value.readings } : {}),
    rowsSumToOne,
  });
}

/** A flat q with rows for p, or the other way round, is a shape mismatch too. */
export function flatAgainstRows(qRows: readonly string[][] | undefined, qCount: number, pRows: readonly string[][] | undefined, pCount: number | undefined): Parsed<void> {
  if (pCount === undefined || (qRows === undefined) === (pRows === undefined)) return ok(undefined);
  const q = qRows ? describeShape(shapeOf(qRows)) : `one flat list of ${qCount}`;
  const p = pRows ? describeShape(shapeOf(pRows)) : `one flat list of ${pCount}`;
  return err(userError('length-mismatch', messages.shapeMismatch(q, p), 'p'));
}

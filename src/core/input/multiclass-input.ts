import type { LogBase } from '../../loss/index.js';
import type { ScoringOptions } from '../../loss/scoring-options.js';
import type { ParsedArgs } from '../args.js';
import { messages } from '../messages.js';
import { err, ok } from '../result.js';
import { userError, type Parsed } from '../user-error.js';
import { readBinaryForms, type BinaryForms } from './binary-forms.js';
import { indexClasses, readLabelValues, sortedClasses, type LabelValues } from './class-labels.js';

/** /logloss with one probability column per class, validated; nothing is computed yet. */
export interface MulticlassInput {
  multiclass: true;
  /** The column order: labels= as given, else y's distinct labels sorted as scikit-learn sorts them. */
  classes: string[];
  /** The classes came from labels= (or a CSV header), not from y. */
  classesGiven: boolean;
  /** Each point's true class, as a column index. */
  labels: Uint32Array;
  /** Row-major: n rows of k probabilities. */
  p: Float64Array;
  k: number;
  weights?: Float64Array;
  base: LogBase;
  percentTokens: number;
  source: 'inline' | 'csv';
  /** convention=, eps=, reduction=, smoothing= (absent: scikit-learn's log_loss). */
  scoring?: ScoringOptions;
}

export function isMulticlass(input: object): input is MulticlassInput {
  return 'multiclass' in input;
}

/** What y means for a binary prediction, or the whole multi-class input when p has a column per class. */
export type ClassForms = MulticlassInput | BinaryForms;

const BINARY_WHAT = 'numbers from 0 to 1';
const CLASS_WHAT = 'class labels (all numbers or all words)';

/**
 * The inline y (numbers or class names), labels= and p's shape, read together: three or more
 * columns of p are classes, one or two columns (or a flat list) a binary prediction.
 */
export function readInlineClasses(args: ParsedArgs, base: LogBase): Parsed<ClassForms> {
  const yOption = args.tokens('y');
  if (!yOption) return err(userError('missing-option', messages.missingOption('y', 'the true labels, 0 or 1'), 'y'));
  if (yOption.rows) return err(userError('rows-not-accepted', messages.rowsNotAccepted('y'), 'y'));
  const labelsOption = args.tokens('labels');
  if (labelsOption?.rows) return err(userError('rows-not-accepted', messages.rowsNotAccepted('labels'), 'labels'));
  const p = args.numbers('p');
  const columns = p?.columns ?? 1;
  const y = readLabelValues('y', yOption.tokens, columns >= 3 ? CLASS_WHAT : BINARY_WHAT);
  if (!y.ok) return y;
  let given: LabelValues | undefined;
  if (labelsOption) {
    const read = readLabelValues('labels', labelsOption.tokens, CLASS_WHAT);
    if (!read.ok) return read;
    given = read.value;
  }
  if (p && columns >= 3) {
    return multiclassInput(y.value, given, { p: p.values, k: columns, base, percentTokens: p.percentTokens, source: 'inline', weights: args.numbers('w')?.values });
  }
  return readBinaryForms(y.value, given, p && columns === 2 ? p.values : undefined);
}

interface Columns {
  p: Float64Array;
  k: number;
  base: LogBase;
  percentTokens: number;
  source: 'inline' | 'csv';
  weights: Float64Array | undefined;
}

/** Classes against columns, lengths and weights: every check that needs y, labels= and p together. */
export function multiclassInput(y: LabelValues, given: LabelValues | undefined, columns: Columns): Parsed<MulticlassInput> {
  const { p, k, weights } = columns;
  const mapped = indexClasses(y, given);
  if (!mapped.ok) return mapped;
  const { classes, index } = mapped.value;
  if (classes.length !== k) {
    return err(given
      ? userError('class-count', messages.labelsVsColumns(k, classes.length), 'labels')
      : userError('class-count', messages.classesVsColumns(k, sortedClasses(y)), 'p'));
  }
  const n = p.length / k;
  if (n !== index.length) return err(userError('length-mismatch', messages.rowsMismatch(n, index.length), 'p'));
  if (weights) {
    if (weights.length !== n) return err(userError('length-mismatch', messages.lengthMismatch('y', n, 'w', weights.length), 'w'));
    if (weights.every((v) => v === 0)) return err(userError('weights-all-zero', messages.weightsAllZero('w'), 'w'));
  }
  return ok({
    multiclass: true, classes, classesGiven: mapped.value.given, labels: index, p, k,
    base: columns.base, percentTokens: columns.percentTokens, source: columns.source, ...(weights ? { weights } : {}),
  });
}

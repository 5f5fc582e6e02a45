import type { LogBase, Prediction } from '../../loss/index.js';
import type { ParsedArgs } from '../args.js';
import { parseNumericCsv } from '../csv.js';
import { messages } from '../messages.js';
import { err, ok } from '../result.js';
import { userError, type Parsed, type UserError } from '../user-error.js';
import type { ScoringOptions } from '../../loss/scoring-options.js';
import { readConventionOptions } from './convention-options.js';
import { LOGLOSS_CSV_SPEC } from './logloss-csv.js';

/** /logloss after validation: labels, one kind of prediction, optional weights. */
export interface LoglossInput {
  y: Float64Array;
  prediction: Prediction;
  weights?: Float64Array;
  base: LogBase;
  /** How many p values were written as percentages (the reply says it converted them). */
  percentTokens: number;
  source: 'inline' | 'csv';
  /** convention=, eps=, reduction=, pos_weight=, smoothing=, bins= (absent: scikit-learn's defaults). */
  scoring?: ScoringOptions;
}

/** The /logloss options, inline or from a CSV, as one validated input; nothing is computed yet. */
export function readLoglossInput(args: ParsedArgs): Parsed<LoglossInput> {
  const scoring = readConventionOptions(args);
  if (!scoring.ok) return scoring;
  const input = readPredictionInput(args);
  return input.ok ? ok({ ...input.value, scoring: scoring.value }) : input;
}

function readPredictionInput(args: ParsedArgs): Parsed<LoglossInput> {
  const base = (args.choice('base') ?? 'e') as LogBase;
  const csv = args.csv('file');
  if (csv) {
    for (const inline of ['y', 'w']) {
      if (args.has(inline)) return err(userError('conflicting-options', messages.csvWithInline(inline), inline));
    }
    return fromCsv(csv.text, base);
  }
  const labels = args.numbers('y');
  if (!labels) return err(userError('missing-option', messages.missingOption('y', 'the true labels, 0 or 1'), 'y'));
  const prediction = inlinePrediction(args);
  const weights = args.numbers('w')?.values;
  const percentTokens = args.numbers('p')?.percentTokens ?? 0;
  return validate({ y: labels.values, prediction, base, percentTokens, source: 'inline', ...(weights ? { weights } : {}) });
}

function inlinePrediction(args: ParsedArgs): Prediction {
  const probabilities = args.numbers('p');
  if (probabilities) return { kind: 'p', values: probabilities.values };
  const scores = args.numbers('logits');
  if (scores) return { kind: 'logits', values: scores.values };
  return { kind: 'x', values: args.numbers('x')?.values ?? new Float64Array(0) };
}

function fromCsv(text: string, base: LogBase): Parsed<LoglossInput> {
  const table = parseNumericCsv(text, LOGLOSS_CSV_SPEC);
  if (!table.ok) return table;
  const { columns } = table.value;
  const labels = columns.get('y');
  if (!labels) return err(userError('csv-invalid', messages.csvNoLabels(), 'file'));
  const present = (['p', 'logits', 'x'] as const).filter((name) => columns.has(name));
  if (present.length === 0) return err(userError('csv-invalid', messages.csvNoPrediction(), 'file'));
  if (present.length > 1) return err(userError('csv-invalid', messages.csvManyPredictions([...present]), 'file'));
  const kind = present[0] as Prediction['kind'];
  const weights = columns.get('w');
  return validate({
    y: labels,
    prediction: { kind, values: columns.get(kind) as Float64Array },
    base,
    percentTokens: 0,
    source: 'csv',
    ...(weights ? { weights } : {}),
  });
}

/** Values written out in a suggested command; beyond them an ellipsis (the message must stay one sentence). */
const SHOWN_VALUES = 8;

/**
 * `/logloss y=0.85 p=1` is the practice problem typed the wrong way round far more often than a
 * soft label scored against a certain prediction (5.4 nats, clipped): ask instead of answering.
 */
function looksSwapped(input: LoglossInput): UserError | undefined {
  if (input.source !== 'inline' || input.prediction.kind !== 'p') return undefined;
  const soft = input.y.find((v) => v !== 0 && v !== 1);
  if (soft === undefined || !input.prediction.values.every((v) => v === 0 || v === 1)) return undefined;
  // String(x) is the shortest decimal that reads back as x.
  const list = (values: Float64Array) => Array.from(values.subarray(0, SHOWN_VALUES), String).join(',') + (values.length > SHOWN_VALUES ? ',…' : '');
  const parts = ['/logloss', `y=${list(input.prediction.values)}`, `p=${list(input.y)}`];
  if (input.weights) parts.push(`w=${list(input.weights)}`);
  if (input.base !== 'e') parts.push(`base=${input.base}`);
  return userError('looks-swapped', messages.looksSwapped(soft, parts.join(' ')));
}

/** Checks that need several options together: lengths, weights, labels for a fit, y and p swapped. */
function validate(input: LoglossInput): Parsed<LoglossInput> {
  const n = input.y.length;
  const predictionName = input.prediction.kind;
  if (input.prediction.values.length !== n) {
    return err(userError('length-mismatch', messages.lengthMismatch('y', n, predictionName, input.prediction.values.length), predictionName));
  }
  if (input.weights) {
    if (input.weights.length !== n) return err(userError('length-mismatch', messages.lengthMismatch('y', n, 'w', input.weights.length), 'w'));
    if (input.weights.every((v) => v === 0)) return err(userError('weights-all-zero', messages.weightsAllZero('w'), 'w'));
  }
  if (input.prediction.kind === 'x') {
    const soft = input.y.find((v) => v !== 0 && v !== 1);
    if (soft !== undefined) return err(userError('labels-not-binary', messages.labelsNotBinary('y', String(soft)), 'y'));
  }
  const swapped = looksSwapped(input);
  if (swapped) return err(swapped);
  return ok(input);
}

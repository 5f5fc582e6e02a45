import type { FitSettings, LogBase, Prediction } from '../../loss/index.js';
import type { ParsedArgs } from '../args.js';
import { parseNumericCsv } from '../csv.js';
import { messages } from '../messages.js';
import { err, ok } from '../result.js';
import { userError, type Parsed, type UserError } from '../user-error.js';
import { csvFeatures, FIT_OPTIONS, featureRowsProblem, withFitOptions } from './fit-options.js';
import type { ScoringOptions } from '../../loss/scoring-options.js';
import { readConventionOptions } from './convention-options.js';
import { LOGLOSS_CSV_SPEC } from './logloss-csv.js';
import { readClassCsv } from './multiclass-csv.js';
import { isMulticlass, readInlineClasses, type MulticlassInput } from './multiclass-input.js';

/** /logloss after validation: labels, one kind of prediction, optional weights. */
export interface LoglossInput {
  y: Float64Array;
  prediction: Prediction;
  weights?: Float64Array;
  base: LogBase;
  /** How many p values were written as percentages (the reply says it converted them). */
  percentTokens: number;
  source: 'inline' | 'csv';
  /** With x: the LogisticRegression options given (fit-options.ts). */
  fit?: Partial<FitSettings>;
  /** How labels or two-column p in another form were read ("read −1 as 0"), one sentence each. */
  readAs?: string[];
  /** convention=, eps=, reduction=, pos_weight=, smoothing=, bins= (absent: scikit-learn's defaults). */
  scoring?: ScoringOptions;
}

/** The /logloss options, inline or from a CSV, as one validated input; nothing is computed yet. */
export function readLoglossInput(args: ParsedArgs): Parsed<LoglossInput | MulticlassInput> {
  const data = readData(args);
  if (data.ok && isMulticlass(data.value)) return multiclassOnlyDefaults(args, data.value);
  const scoring = readConventionOptions(args);
  if (!scoring.ok) return scoring;
  const input = withFitOptions(args, data as Parsed<LoglossInput>);
  return input.ok ? ok({ ...input.value, scoring: scoring.value }) : input;
}

/**
 * Multi-class input takes convention=, eps=, reduction= and smoothing= (multiclass-conventions.ts);
 * the fit's options need x, and pos_weight= and bins= have no meaning beyond two classes.
 */
function multiclassOnlyDefaults(args: ParsedArgs, input: MulticlassInput): Parsed<MulticlassInput> {
  const fitOption = FIT_OPTIONS.find((o) => args.has(o.name));
  if (fitOption) return err(userError('fit-option-without-x', messages.fitOptionWithoutX(fitOption.name === 'c' ? 'C' : fitOption.name, 'class probabilities'), fitOption.name));
  for (const name of ['pos_weight', 'bins'] as const) {
    const given = args.numbers(name);
    if (!given) continue;
    const value = Array.from(given.values, String).join(',');
    return err(userError('conflicting-options', name === 'pos_weight' ? messages.posWeightBinaryOnly(value) : messages.binsBinaryOnly(value), name));
  }
  const scoring = readConventionOptions(args);
  if (!scoring.ok) return scoring;
  return ok({ ...input, scoring: scoring.value });
}

function readData(args: ParsedArgs): Parsed<LoglossInput | MulticlassInput> {
  const base = (args.choice('base') ?? 'e') as LogBase;
  const csv = args.csv('file');
  if (csv) {
    for (const inline of ['y', 'w', 'labels']) {
      if (args.has(inline)) return err(userError('conflicting-options', messages.csvWithInline(inline), inline));
    }
    return fromCsv(csv.text, base);
  }
  // y as words or ±1, labels=, p as rows: multi-class input, or a binary one read as 0/1 (multiclass-input.ts).
  const classes = readInlineClasses(args, base);
  if (!classes.ok || isMulticlass(classes.value)) return classes as Parsed<MulticlassInput>;
  const { y, p, readAs } = classes.value;
  const prediction: Prediction = p ? { kind: 'p', values: p } : inlinePrediction(args);
  const weights = args.numbers('w')?.values;
  const percentTokens = args.numbers('p')?.percentTokens ?? 0;
  return validate({ y, prediction, base, percentTokens, source: 'inline', ...(weights ? { weights } : {}), ...(readAs.length > 0 ? { readAs } : {}) });
}

function inlinePrediction(args: ParsedArgs): Prediction {
  const probabilities = args.numbers('p');
  if (probabilities) return { kind: 'p', values: probabilities.values };
  const scores = args.numbers('logits');
  if (scores) return { kind: 'logits', values: scores.values };
  const features = args.numbers('x');
  return { kind: 'x', values: features?.values ?? new Float64Array(0), ...(features?.columns ? { columns: features.columns } : {}) };
}

function fromCsv(text: string, base: LogBase): Parsed<LoglossInput | MulticlassInput> {
  // y,cat,dog,bird (a column per class) or y,p with class names: multiclass-csv.ts.
  const named = readClassCsv(text, base);
  if (named) {
    if (!named.ok) return named;
    return isMulticlass(named.value) ? ok(named.value) : validate({ ...named.value, base, percentTokens: 0, source: 'csv' });
  }
  const table = parseNumericCsv(text, LOGLOSS_CSV_SPEC);
  if (!table.ok) return table;
  const { columns } = table.value;
  const labels = columns.get('y');
  if (!labels) return err(userError('csv-invalid', messages.csvNoLabels(), 'file'));
  const features = csvFeatures(columns);
  if (!features.ok) return features;
  const present = (['p', 'logits', 'x'] as const).filter((name) => (name === 'x' ? features.value !== undefined : columns.has(name)));
  if (present.length === 0) return err(userError('csv-invalid', messages.csvNoPrediction(), 'file'));
  if (present.length > 1) return err(userError('csv-invalid', messages.csvManyPredictions([...present]), 'file'));
  const kind = present[0] as Prediction['kind'];
  const weights = columns.get('w');
  return validate({
    y: labels,
    prediction: kind === 'x' ? (features.value as Prediction) : { kind, values: columns.get(kind) as Float64Array },
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
  const rows = featureRowsProblem(input.prediction, n);
  if (rows) return err(rows);
  if ((input.prediction.columns ?? 1) === 1 && input.prediction.values.length !== n) {
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

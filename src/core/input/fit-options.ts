import type { ClassWeight, FitSettings, Prediction } from '../../loss/index.js';
import type { ParsedArgs } from '../args.js';
import { messages } from '../messages.js';
import type { OptionSpec } from '../options.js';
import { parseNumberToken } from '../parse-number.js';
import { err, ok } from '../result.js';
import { userError, type Parsed, type UserError } from '../user-error.js';

/**
 * scikit-learn's LogisticRegression options for /logloss x=…. Tokens rather than choices: a
 * choice always has its default, so "penalty given with p" could not be told from "not given".
 * Option names are lowercase (Discord's rule; the text parser lowercases them), so C= is `c`.
 */
export const FIT_OPTIONS: readonly OptionSpec[] = [
  { name: 'c', kind: 'tokens', single: true, placeholder: '<C>', description: 'With x: inverse regularisation strength C > 0 (default 1), as scikit-learn' },
  { name: 'penalty', kind: 'tokens', single: true, placeholder: 'l2|none', description: 'With x: l2 (default) or none (no regularisation; C is then ignored)' },
  { name: 'intercept', kind: 'tokens', single: true, placeholder: 'true|false', description: 'With x: fit an intercept (true, default) or fix it at 0 (false)' },
  { name: 'class_weight', kind: 'tokens', single: true, placeholder: 'balanced|0:<w>,1:<w>', description: 'With x: balanced, or a weight per class like 0:1,1:3 (multiplies w)' },
];

const C_WHAT = 'a positive number (the inverse regularisation strength, default 1)';

function single(args: ParsedArgs, name: string, shown: string, what: string): Parsed<string | undefined> {
  const tokens = args.tokens(name)?.tokens;
  if (!tokens) return ok(undefined);
  if (tokens.length !== 1) return err(userError('bad-fit-option', messages.fitOptionOneValue(shown, tokens.join(','), what), name));
  return ok(tokens[0] as string);
}

function readC(args: ParsedArgs): Parsed<number | undefined> {
  const token = single(args, 'c', 'C', C_WHAT);
  if (!token.ok || token.value === undefined) return token as Parsed<undefined>;
  const parsed = parseNumberToken(token.value, { name: 'C', kind: 'numbers', placeholder: '<C>', description: C_WHAT });
  if (!parsed.ok) return parsed;
  if (!(parsed.value.value > 0)) return err(userError('out-of-range', messages.outOfRange('C', token.value, C_WHAT), 'c'));
  return ok(parsed.value.value);
}

function readWord<T>(args: ParsedArgs, name: string, words: Readonly<Record<string, T>>, what: string): Parsed<T | undefined> {
  const token = single(args, name, name, what);
  if (!token.ok || token.value === undefined) return token as Parsed<undefined>;
  const word = words[token.value.toLowerCase()];
  return word === undefined ? err(userError('bad-fit-option', messages.fitOptionValue(name, token.value, what), name)) : ok(word);
}

/** `balanced`, `none`, or `0:1,1:3` (a label left out weighs 1, as in scikit-learn's dict). */
function readClassWeight(args: ParsedArgs): Parsed<ClassWeight | undefined> {
  const tokens = args.tokens('class_weight')?.tokens;
  if (!tokens) return ok(undefined);
  const what = 'balanced or label:weight pairs like 0:1,1:3';
  const word = tokens.length === 1 ? (tokens[0] as string).toLowerCase() : '';
  if (word === 'balanced') return ok({ kind: 'balanced' });
  if (word === 'none') return ok(undefined);
  const byLabel: Partial<Record<0 | 1, number>> = {};
  // {0: 1, 1: 3} as Python prints the dict: the spaces after the colons split it into more tokens.
  const pairs = tokens.join(' ').replace(/\s*([:=])\s*/g, '$1').split(/[\s,]+/).filter((t) => t.length > 0);
  for (const token of pairs) {
    const match = /^([^:=]+)[:=](.+)$/.exec(token);
    if (!match) return err(userError('bad-fit-option', messages.fitOptionValue('class_weight', token, what), 'class_weight'));
    const label = (match[1] as string).trim();
    if (label !== '0' && label !== '1') return err(userError('bad-fit-option', messages.classWeightUnknownLabel(label), 'class_weight'));
    const key = label === '1' ? 1 : 0;
    if (byLabel[key] !== undefined) return err(userError('bad-fit-option', messages.classWeightTwice(label), 'class_weight'));
    const weight = parseNumberToken((match[2] as string).trim(), { name: 'class_weight', kind: 'numbers', min: 0, placeholder: '', description: '' });
    if (!weight.ok) return err(userError('bad-fit-option', messages.fitOptionValue('class_weight', token, 'label:weight with a weight of at least 0, like 1:3'), 'class_weight'));
    byLabel[key] = weight.value.value;
  }
  return ok({ kind: 'given', byLabel });
}

/**
 * The fit options on an input that has been read: refused, naming the option, when there is no
 * x to fit; otherwise only the ones given (the fit fills in scikit-learn's defaults).
 */
export function withFitOptions<T extends { prediction: Prediction; source: 'inline' | 'csv' }>(args: ParsedArgs, input: Parsed<T>): Parsed<T & { fit?: Partial<FitSettings> }> {
  if (!input.ok) return input;
  const { prediction, source } = input.value;
  if (prediction.kind !== 'x') {
    const given = FIT_OPTIONS.find((o) => args.has(o.name));
    const from = source === 'csv' ? `a CSV of ${prediction.kind === 'p' ? 'probabilities' : 'logits'}` : `${prediction.kind}=`;
    return given ? err(userError('fit-option-without-x', messages.fitOptionWithoutX(given.name === 'c' ? 'C' : given.name, from), given.name)) : input;
  }
  const C = readC(args);
  if (!C.ok) return C;
  const penalty = readWord<'l2' | 'none'>(args, 'penalty', { l2: 'l2', none: 'none', null: 'none' }, 'l2 or none');
  if (!penalty.ok) return penalty;
  const intercept = readWord<boolean>(args, 'intercept', { true: true, false: false, yes: true, no: false, '1': true, '0': false }, 'true or false');
  if (!intercept.ok) return intercept;
  const classWeight = readClassWeight(args);
  if (!classWeight.ok) return classWeight;
  const fit: Partial<FitSettings> = {
    ...(C.value !== undefined ? { C: C.value } : {}),
    ...(penalty.value !== undefined ? { penalty: penalty.value } : {}),
    ...(intercept.value !== undefined ? { fitIntercept: intercept.value } : {}),
    ...(classWeight.value ? { classWeight: classWeight.value } : {}),
  };
  return ok({ ...input.value, fit });
}

/** x given as rows: one row of features per label. */
export function featureRowsProblem(prediction: Prediction, labels: number): UserError | undefined {
  const columns = prediction.columns ?? 1;
  if (prediction.kind !== 'x' || columns === 1 || prediction.values.length === labels * columns) return undefined;
  return userError('length-mismatch', messages.featureRowsMismatch(prediction.values.length / columns, labels, columns), 'x');
}

/** A CSV's features: one column x, or numbered x1, x2, … (in their numbers' order) as rows. */
export function csvFeatures(columns: ReadonlyMap<string, Float64Array>): Parsed<Prediction | undefined> {
  const numbered = [...columns.keys()].filter((name) => /^x\d+$/.test(name)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const single = columns.get('x');
  if (single && numbered.length > 0) return err(userError('csv-invalid', messages.csvMixedFeatures(), 'file'));
  if (single) return ok({ kind: 'x', values: single });
  if (numbered.length === 0) return ok(undefined);
  const cols = numbered.map((name) => columns.get(name) as Float64Array);
  const n = cols[0]?.length ?? 0;
  const d = cols.length;
  const values = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) values[i * d + j] = (cols[j] as Float64Array)[i] as number;
  return ok({ kind: 'x', values, ...(d > 1 ? { columns: d } : {}) });
}

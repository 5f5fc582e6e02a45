import { resolveConvention, type Convention } from '../../loss/conventions.js';
import { REDUCTIONS, type Reduction } from '../../loss/reduce.js';
import type { ScoringOptions } from '../../loss/scoring-options.js';
import type { ParsedArgs } from '../args.js';
import type { OptionSpec } from '../options.js';
import { messages } from '../messages.js';
import { err, ok } from '../result.js';
import { userError, type Parsed } from '../user-error.js';

/** The /logloss options read here, declared beside their reader. */
export const CONVENTION_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'convention', kind: 'choice', choices: ['sklearn', 'kaggle', 'torch', 'keras'], default: 'sklearn', placeholder: '<library>',
    description: 'Score as sklearn (default), kaggle, torch (BCELoss/NLLLoss) or keras (its crossentropy) do',
  },
  { name: 'reduction', single: true, kind: 'tokens', placeholder: '<mean|sum|sum_over_batch_size>', description: 'mean Σwl/Σw (scikit-learn), sum Σwl, or sum_over_batch_size Σwl/N (Keras, PyTorch)' },
  { name: 'eps', single: true, kind: 'numbers', placeholder: '<ε>', description: 'Clip p to [ε, 1−ε]; 0 clips nothing, so p=0 for a 1 costs ∞' },
  { name: 'pos_weight', single: true, kind: 'numbers', placeholder: '<weight>', description: "PyTorch's pos_weight: multiplies the loss of each label 1 (binary only)" },
  { name: 'smoothing', single: true, kind: 'numbers', placeholder: '<s>', description: "Keras's label smoothing: y becomes y·(1−s) + s/K for K classes (s/2 binary)" },
  { name: 'bins', single: true, kind: 'numbers', placeholder: '<bins>', description: 'Bins of the reliability diagram (default 10; shown for a CSV or 50+ points)' },
];

/** Below this many points a reliability diagram has too few per bin to say much, unless bins= asks for it. */
export const CALIBRATION_MIN_POINTS = 50;
export const DEFAULT_BINS = 10;

/** The bins of the calibration section, or undefined when the answer has none. */
export function calibrationBins(input: { y: Float64Array; source: 'inline' | 'csv'; scoring?: ScoringOptions }): number | undefined {
  const asked = input.scoring?.bins;
  if (asked !== undefined) return asked;
  return input.source === 'csv' || input.y.length >= CALIBRATION_MIN_POINTS ? DEFAULT_BINS : undefined;
}

/** More bins than this leave about one point per bin for any data that fits in a message. */
export const MAX_BINS = 100;

/** One number from a numbers option, or the sentence that says a list was given. */
function single(args: ParsedArgs, name: string, what: string): Parsed<number | undefined> {
  const given = args.numbers(name);
  if (!given) return ok(undefined);
  if (given.values.length !== 1) return err(userError('not-one-value', messages.notOneValue(name, given.values.length, what), name));
  return ok(given.values[0] as number);
}

function inRange(name: string, value: number | undefined, valid: (v: number) => boolean, sentence: (v: number) => string): Parsed<number | undefined> {
  if (value === undefined || valid(value)) return ok(value);
  return err(userError('out-of-range', sentence(value), name));
}

function reduction(args: ParsedArgs): Parsed<Reduction | undefined> {
  const tokens = args.tokens('reduction')?.tokens;
  if (!tokens) return ok(undefined);
  const value = tokens.join(' ').trim().toLowerCase();
  if (!(REDUCTIONS as readonly string[]).includes(value)) return err(userError('invalid-choice', messages.invalidChoice('reduction', tokens.join(' '), REDUCTIONS), 'reduction'));
  return ok(value as Reduction);
}

/** convention=, eps=, reduction=, pos_weight=, smoothing=, bins=: read and checked together, nothing computed. */
export function readConventionOptions(args: ParsedArgs): Parsed<ScoringOptions> {
  const convention = (args.choice('convention') ?? 'sklearn') as Convention;
  const red = reduction(args);
  if (!red.ok) return red;
  const eps = single(args, 'eps', messages.epsExpected);
  if (!eps.ok) return eps;
  const epsValue = inRange('eps', eps.value, (v) => v >= 0 && v < 0.5, messages.epsOutOfRange);
  if (!epsValue.ok) return epsValue;
  const pw = single(args, 'pos_weight', messages.posWeightExpected);
  if (!pw.ok) return pw;
  const posWeight = inRange('pos_weight', pw.value, (v) => v > 0, messages.posWeightOutOfRange);
  if (!posWeight.ok) return posWeight;
  const s = single(args, 'smoothing', messages.smoothingExpected);
  if (!s.ok) return s;
  const smoothing = inRange('smoothing', s.value, (v) => v >= 0 && v < 1, messages.smoothingOutOfRange);
  if (!smoothing.ok) return smoothing;
  const b = single(args, 'bins', messages.binsExpected(MAX_BINS));
  if (!b.ok) return b;
  const bins = inRange('bins', b.value, (v) => Number.isInteger(v) && v >= 1 && v <= MAX_BINS, (v) => messages.binsOutOfRange(v, MAX_BINS));
  if (!bins.ok) return bins;
  const explicit = { ...(epsValue.value !== undefined ? { eps: epsValue.value } : {}), ...(red.value ? { reduction: red.value } : {}) };
  return ok({
    settings: resolveConvention(convention, explicit),
    conventionGiven: convention !== 'sklearn',
    ...(epsValue.value !== undefined ? { eps: epsValue.value } : {}),
    ...(posWeight.value !== undefined ? { posWeight: posWeight.value } : {}),
    ...(smoothing.value !== undefined ? { smoothing: smoothing.value } : {}),
    ...(bins.value !== undefined ? { bins: bins.value } : {}),
  });
}

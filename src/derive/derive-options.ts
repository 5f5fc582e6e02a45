import type { ParsedArgs } from '../core/args.js';
import { messages } from '../core/messages.js';
import type { OptionSpec } from '../core/options.js';
import { err, ok } from '../core/result.js';
import { userError, type Parsed } from '../core/user-error.js';

/** Topics that take each option: pos_weight changes the binary loss and its gradient; smoothing changes the labels a loss scores. */
export const POS_WEIGHT_TOPICS = ['gradient', 'bce'] as const;
export const SMOOTHING_TOPICS = ['bce', 'cross-entropy', 'categorical'] as const;

export const DERIVE_OPTION_SPECS: readonly OptionSpec[] = [
  { name: 'pos_weight', single: true, kind: 'numbers', placeholder: '<w>', description: `PyTorch's pos_weight w > 0: the loss of each label 1 counts w times (${POS_WEIGHT_TOPICS.join(', ')})` },
  { name: 'smoothing', single: true, kind: 'numbers', placeholder: '<s>', description: `Keras's label smoothing, 0 ≤ s < 1: y becomes y·(1−s) + s/K (${SMOOTHING_TOPICS.join(', ')})` },
];

export interface DeriveOptions {
  posWeight?: number;
  smoothing?: number;
}

function one(args: ParsedArgs, name: string, what: string, valid: (v: number) => boolean, outOfRange: (v: number) => string, topics: readonly string[], topic: string): Parsed<number | undefined> {
  const given = args.numbers(name);
  if (!given) return ok(undefined);
  if (!topics.includes(topic)) return err(userError('conflicting-options', messages.deriveOptionTopics(name, topic, topics), name));
  if (given.values.length !== 1) return err(userError('not-one-value', messages.notOneValue(name, given.values.length, what), name));
  const value = given.values[0] as number;
  return valid(value) ? ok(value) : err(userError('out-of-range', outOfRange(value), name));
}

/** pos_weight= and smoothing= for /derive: one number each, in range, and only for the topics that use it. */
export function readDeriveOptions(args: ParsedArgs, topic: string): Parsed<DeriveOptions> {
  const w = one(args, 'pos_weight', messages.posWeightExpected, (v) => v > 0, messages.posWeightOutOfRange, POS_WEIGHT_TOPICS, topic);
  if (!w.ok) return w;
  const s = one(args, 'smoothing', messages.smoothingExpected, (v) => v >= 0 && v < 1, messages.deriveSmoothingOutOfRange, SMOOTHING_TOPICS, topic);
  if (!s.ok) return s;
  return ok({ ...(w.value !== undefined ? { posWeight: w.value } : {}), ...(s.value !== undefined ? { smoothing: s.value } : {}) });
}

/** The options as they read back on a command line, after the points. */
export const optionsLine = (options: DeriveOptions): string =>
  [options.posWeight !== undefined ? ` pos_weight=${options.posWeight}` : '', options.smoothing !== undefined ? ` smoothing=${options.smoothing}` : ''].join('');

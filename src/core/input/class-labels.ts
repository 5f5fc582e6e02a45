import { messages } from '../messages.js';
import type { NumbersOption } from '../options.js';
import { parseNumberToken } from '../parse-number.js';
import { err, ok } from '../result.js';
import { userError, type Parsed } from '../user-error.js';

/** Labels as written: numbers (0/1, ±1, soft labels, class numbers) or class names, never a mix. */
export type LabelValues =
  | { kind: 'numbers'; values: Float64Array; tokens: readonly string[] }
  | { kind: 'words'; tokens: readonly string[] };

/** A class name has a letter in it; "1e-3", "85%" or "-" are typos of numbers, answered as before. */
const WORD = /\p{L}/u;
const PLAIN: NumbersOption = { name: 'y', kind: 'numbers', placeholder: '', description: '' };

/**
 * Tokens -> numbers when every one is a number, class names when every one is a word. `what` is
 * what the numbers should have been for the messages ("numbers from 0 to 1" for binary labels):
 * `y=1,high` still says `"high" is not a number`, as it did when y took only numbers.
 */
export function readLabelValues(name: string, tokens: readonly string[], what: string): Parsed<LabelValues> {
  const values = new Float64Array(tokens.length);
  let firstWord: string | undefined;
  let firstNumber: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const parsed = parseNumberToken(token, { ...PLAIN, name });
    if (parsed.ok) {
      values[i] = parsed.value.value;
      firstNumber ??= token;
      continue;
    }
    if (parsed.error.code === 'not-finite') return err(userError('not-finite', messages.notFinite(name, token, what), name));
    if (!WORD.test(token)) return err(userError('not-a-number', messages.notANumber(name, token, what), name));
    firstWord ??= token;
  }
  if (firstWord !== undefined && firstNumber !== undefined) return err(userError('not-a-number', messages.notANumber(name, firstWord, what), name));
  return ok(firstWord === undefined ? { kind: 'numbers', values, tokens } : { kind: 'words', tokens });
}

/** A label's identity: numbers by value (1 and 1.0 are one class), words as written (scikit-learn is case-sensitive). */
export function labelKeys(labels: LabelValues): string[] {
  return labels.kind === 'numbers' ? Array.from(labels.values, String) : [...labels.tokens];
}

/** The distinct labels in scikit-learn's order (np.unique): numbers by value, words by code point. */
export function sortedClasses(labels: LabelValues): string[] {
  if (labels.kind === 'numbers') return [...new Set(labels.values)].sort((a, b) => a - b).map(String);
  return [...new Set(labels.tokens)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Each point's class as an index into `classes`. */
export interface ClassIndex {
  classes: string[];
  index: Uint32Array;
  /** The classes came from labels=, in the order given. */
  given: boolean;
}

/**
 * y mapped onto the class order: labels= as given (the columns' order; y may miss a class), else
 * the distinct labels sorted as scikit-learn sorts them.
 */
export function indexClasses(y: LabelValues, labelsOption: LabelValues | undefined): Parsed<ClassIndex> {
  let classes: string[];
  if (labelsOption) {
    if (labelsOption.kind !== y.kind) return err(userError('labels-mismatch', messages.labelsKindMismatch(y.kind === 'words'), 'labels'));
    classes = labelKeys(labelsOption);
    const twice = classes.find((c, i) => classes.indexOf(c) !== i);
    if (twice !== undefined) return err(userError('labels-mismatch', messages.labelsTwice(twice), 'labels'));
  } else {
    classes = sortedClasses(y);
  }
  const column = new Map(classes.map((c, i) => [c, i]));
  const keys = labelKeys(y);
  const index = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const at = column.get(keys[i] as string);
    if (at === undefined) return err(userError('labels-mismatch', messages.labelNotListed(y.tokens[i] as string, classes), 'y'));
    index[i] = at;
  }
  return ok({ classes, index, given: labelsOption !== undefined });
}

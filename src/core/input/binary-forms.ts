import { messages } from '../messages.js';
import { err, ok } from '../result.js';
import { userError, type Parsed } from '../user-error.js';
import { indexClasses, sortedClasses, type LabelValues } from './class-labels.js';

/** A binary input in any form a library gives, read as 0/1 labels and the probability of class 1. */
export interface BinaryForms {
  /** 0/1 labels (or soft labels in [0, 1], written as numbers). */
  y: Float64Array;
  /** Set when p came as two columns: the probability of the positive class, one per point. */
  p?: Float64Array;
  /** How the input was read, one sentence each ("read −1 as 0 …"), for the answer. */
  readAs: string[];
}

/** np.finfo(np.float64).eps: scikit-learn clips both columns to [ε, 1−ε] before it renormalises. */
const EPS = Number.EPSILON;
/** scikit-learn ≥ 1.3 warns when a row sum fails np.isclose(sum, 1, rtol=1e-15, atol=5·eps). */
const SUM_TOLERANCE = 1e-15 + 5 * EPS;

const clip = (v: number) => (v < EPS ? EPS : v > 1 - EPS ? 1 - EPS : v);

/**
 * y as 0/1 whatever its form: 0/1 or soft labels as they are; ±1 with −1 as the negative class
 * (libsvm, Vowpal Wabbit, margin losses); two class names, the second in sorted order positive as
 * scikit-learn's LabelBinarizer makes it, or the second in labels= when given. `twoColumns` is p as
 * predict_proba returns it: column 2 is the positive class.
 */
export function readBinaryForms(y: LabelValues, given: LabelValues | undefined, twoColumns?: Float64Array): Parsed<BinaryForms> {
  const labels = binaryLabels(y, given);
  if (!labels.ok) return labels;
  const { readAs, positive } = labels.value;
  if (!twoColumns) return ok(labels.value);
  const { p, renormalised } = positiveColumn(twoColumns);
  readAs.push(`column 2 of p is the probability of ${positive}${positive === '1' ? '' : ' (class 1)'}, as predict_proba orders them`);
  if (renormalised > 0) readAs.push(`${renormalised === 1 ? '1 row' : `${renormalised} rows`} of p did not sum to 1 and ${renormalised === 1 ? 'was' : 'were'} renormalised (divided by ${renormalised === 1 ? 'its' : 'their'} sum after clipping), as scikit-learn does`);
  return ok({ y: labels.value.y, p, readAs });
}

function binaryLabels(y: LabelValues, given: LabelValues | undefined): Parsed<{ y: Float64Array; readAs: string[]; positive: string }> {
  if (y.kind === 'numbers' && !given) {
    const v = y.values;
    if (v.includes(-1) && v.every((x) => x === -1 || x === 1)) {
      return ok({ y: Float64Array.from(v, (x) => (x === 1 ? 1 : 0)), readAs: ['read the labels −1 as 0 (the negative class) and 1 as 1'], positive: '1' });
    }
    const outside = v.findIndex((x) => x < 0 || x > 1);
    if (outside >= 0) return err(userError('out-of-range', messages.outOfRange('y', y.tokens[outside] as string, 'numbers from 0 to 1'), 'y'));
    return ok({ y: v, readAs: [], positive: '1' });
  }
  const mapped = indexClasses(y, given);
  if (!mapped.ok) return mapped;
  const { classes, index } = mapped.value;
  if (classes.length > 2) {
    return err(given ? userError('class-count', messages.labelsNotTwo(classes.length), 'labels') : userError('class-count', messages.binaryManyClasses(classes), 'y'));
  }
  if (classes.length < 2) return err(userError('class-count', given ? messages.labelsNotTwo(1) : messages.oneClassNamed(classes[0] ?? ''), given ? 'labels' : 'y'));
  const [negative, positive] = classes as [string, string];
  const readAs: string[] = [];
  if (!(negative === '0' && positive === '1')) {
    const why = given ? 'the second in labels=' : 'the second in sorted order, as scikit-learn takes it';
    readAs.push(`read ${negative} as 0 and ${positive} as 1 (${why}): p is the probability of ${positive}`);
    if (given && sortedClasses(given)[0] !== negative) readAs.push(`scikit-learn's log_loss sorts labels=, so it would take ${negative} as the positive class; list labels in sorted order to match it`);
  }
  return ok({ y: Float64Array.from(index), readAs, positive });
}

/**
 * Column 2 of each row. A row that sums to 1 gives its column 2 exactly, so the loss is the same as
 * for the flat list; any other row is divided by its sum after clipping, as scikit-learn 1.2.1 does.
 */
function positiveColumn(rows: Float64Array): { p: Float64Array; renormalised: number } {
  const n = rows.length / 2;
  const p = new Float64Array(n);
  let renormalised = 0;
  for (let i = 0; i < n; i++) {
    const first = rows[2 * i] as number;
    const second = rows[2 * i + 1] as number;
    if (first + second === 1) {
      p[i] = second;
      continue;
    }
    const sum = clip(first) + clip(second);
    p[i] = clip(second) / sum;
    if (Math.abs(sum - 1) > SUM_TOLERANCE) renormalised++;
  }
  return { p, renormalised };
}

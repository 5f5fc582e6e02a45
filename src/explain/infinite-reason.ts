import { unitName, type AnyBase, type LogBase } from '../loss/index.js';

const shown = (v: number) => String(Number(v.toPrecision(4)));

function listed(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The clause for an infinite cross-entropy/KL: which classes (1-based, as users count them) p
 * rules out while q produces them. At most three are named so a long vector stays one sentence.
 */
export function describeRuledOut(q: readonly number[], ruledOut: readonly number[], base: AnyBase): string {
  const named = ruledOut.slice(0, 3);
  const more = ruledOut.length - named.length;
  const which = listed(named.map((i) => String(i + 1)).concat(more > 0 ? [`${more} more`] : []));
  const values = named.map((i) => shown(q[i] as number));
  const qs = more > 0 ? `${values.join(', ')}, …` : listed(values);
  const subject = ruledOut.length === 1 ? `class ${which} probability 0 while q gives it ${qs}` : `classes ${which} probability 0 while q gives them ${qs}`;
  return `p gives ${subject}, so encoding q with p needs infinitely many ${unitName(base)}`;
}

/**
 * The clause for an infinite log loss with eps=0: which points (1-based, at most three named) gave
 * their true class probability exactly 0, which nothing clipped.
 */
export function describeUnclipped(points: readonly number[], base: LogBase): string {
  const named = points.slice(0, 3).map((i) => String(i + 1));
  const more = points.length - named.length;
  const which = listed(named.concat(more > 0 ? [`${more} more`] : []));
  const subject = points.length === 1 ? `point ${which} gives its true class` : `points ${which} give their true class`;
  return `${subject} probability 0 and eps=0 clips nothing, so the loss is −log 0 = infinitely many ${unitName(base)}`;
}

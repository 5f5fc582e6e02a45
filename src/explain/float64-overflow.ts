import { formatNumber } from '../core/format.js';
import { unitName, type BceResult } from '../loss/index.js';

/** Points named before "…", as in the rest of the /logloss answer. */
const NAMED_POINTS = 3;

/**
 * Why the log loss or a point's loss is ∞ although every input is finite: a bit is 1/ln 2 = 1.443
 * nats' worth, so a loss above 1.246e308 nats is more bits than float64's largest number holds.
 * That is the true value, not a failure, and the sentence gives the nats figure where it exists.
 * Undefined when nothing is infinite.
 */
export function overflowReason(bce: BceResult): string | undefined {
  const points: number[] = [];
  for (let i = 0; i < bce.n; i++) if (bce.perPoint[i] === Infinity) points.push(i + 1);
  const lossInfinite = bce.loss === Infinity;
  if (!lossInfinite && points.length === 0) return undefined;
  const named = points.slice(0, NAMED_POINTS).join(', ') + (points.length > NAMED_POINTS ? ', …' : '');
  const subjects: string[] = [];
  if (lossInfinite) subjects.push('the log loss');
  // With one point its loss is the log loss; naming both would say the same thing twice.
  if (points.length > 0 && bce.n > 1) subjects.push(points.length === 1 ? `the loss of point ${named}` : `the losses of points ${named}`);
  const plural = subjects.length > 1 || points.length > 1;
  const nats = lossInfinite && Number.isFinite(bce.lossNats) ? `; in nats ${plural ? 'the log loss' : 'it'} is ${formatNumber(bce.lossNats)}` : '';
  return `in ${unitName(bce.base)} ${subjects.join(' and ')} ${plural ? 'are' : 'is'} larger than ${formatNumber(Number.MAX_VALUE)}, the largest number a float64 can hold, so ${plural ? 'they show' : 'it shows'} as ∞${nats}`;
}

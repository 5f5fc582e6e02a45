import { formatCount, formatNumber } from '../core/format.js';
import type { LoglossInput } from '../core/input/logloss-input.js';
import { sharePercent } from '../core/wording.js';
import type { Calibration, CalibrationBin, LoglossReport } from '../loss/index.js';

const f = (x: number) => formatNumber(x, 3);
const MIN_GAP = 0.05;
/** Two-sided 95%: a calibrated bin's share of 1s strays this many standard errors from its mean prediction 1 time in 20. */
const Z95 = 1.96;

/**
 * A bin is off when its gap between mean prediction and share of 1s is larger than noise: more
 * than 0.05 and more than 1.96 standard errors √(p̄(1−p̄)/n) of a calibrated bin of that size.
 */
function isOff(bin: CalibrationBin): boolean {
  const gap = Math.abs(bin.meanPredicted - bin.observed);
  const noise = Z95 * Math.sqrt((bin.meanPredicted * (1 - bin.meanPredicted)) / bin.count);
  return gap > Math.max(MIN_GAP, noise);
}

/** More extreme than reality (predicting too high above 0.5, too low below), or less. */
function kind(bin: CalibrationBin): { confidence: 'over' | 'under'; side: 'above' | 'below' } {
  const high = bin.meanPredicted >= 0.5;
  const tooHigh = bin.meanPredicted > bin.observed;
  return { confidence: high === tooHigh ? 'over' : 'under', side: high ? 'above' : 'below' };
}

/**
 * What the bins show, as a clause: "over-confident above 0.8: in the 0.9–1 bin it predicted 0.95
 * on average but 60% of its 20 points were 1s". Derived from the bins that are off by more than
 * noise; the bin named is the one that adds the most to the ECE.
 */
export function calibrationFinding(c: Calibration): string {
  const off = c.bins.filter(isOff);
  if (off.length === 0) {
    const n = c.bins.reduce((total, b) => total + b.count, 0);
    return `calibrated as far as ${formatCount(n)} points can tell: in every bin the share of 1s is within noise of the mean prediction`;
  }
  // confidence -> side -> the edge beyond which the bins are off ("above 0.8": the lowest lower edge).
  const groups = new Map<'over' | 'under', Map<'above' | 'below', number>>();
  for (const bin of off) {
    const { confidence, side } = kind(bin);
    const sides = groups.get(confidence) ?? new Map<'above' | 'below', number>();
    const edge = side === 'above' ? bin.lower : bin.upper;
    const known = sides.get(side);
    sides.set(side, known === undefined ? edge : side === 'above' ? Math.min(known, edge) : Math.max(known, edge));
    groups.set(confidence, sides);
  }
  const phrases = [...groups].map(([confidence, sides]) => `${confidence}-confident ${[...sides].sort((a, b) => (a[0] < b[0] ? 1 : -1)).map(([side, edge]) => `${side} ${formatNumber(edge, 3)}`).join(' and ')}`);
  const worst = off.reduce((a, b) => (b.count * Math.abs(b.meanPredicted - b.observed) > a.count * Math.abs(a.meanPredicted - a.observed) ? b : a));
  return `${phrases.join(' and ')}: in the ${formatNumber(worst.lower, 3)}–${formatNumber(worst.upper, 3)} bin it predicted ${f(worst.meanPredicted)} on average but ${sharePercent(worst.observed)} of its ${formatCount(worst.count)} points were 1s`;
}

export function calibrationSentences(input: LoglossInput, { calibration: c }: LoglossReport): string[] {
  if (!c) return [];
  const weighted = input.weights ? ', weighted' : '';
  return [
    `Calibration: Brier score ${f(c.brier)} (the mean of (p − y)²${weighted}, as scikit-learn's brier_score_loss), expected calibration error ECE ${f(c.ece)} over ${c.binCount} equal-width bins (Σ (n_b/N)·|mean p − share of 1s|, empty bins skipped). ` +
      `The reliability diagram says this model is ${calibrationFinding(c)}.`,
  ];
}

export function calibrationData({ calibration: c }: LoglossReport): Record<string, unknown> {
  if (!c) return {};
  return { brier: c.brier, ece: c.ece, calibration: { bins: c.binCount, curve: c.bins, finding: calibrationFinding(c) } };
}

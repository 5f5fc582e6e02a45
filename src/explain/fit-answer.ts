import { formatNumber } from '../core/format.js';
import type { ReplyField } from '../core/reply.js';
import type { ClassWeight, FitSettings, LogisticModel, Prediction } from '../loss/index.js';

/** Digits of a fitted coefficient shown: enough to tell the exact optimum from lbfgs's stopping point (5th digit). */
const FIT_DIGITS = 6;
const g = (x: number) => formatNumber(x, FIT_DIGITS);

/** Features shown per point before an ellipsis. */
const SHOWN_FEATURES = 4;

/** Point i's features, `1.5` for one and `(1.5, 2)` for several. */
export function featuresOf(prediction: Prediction, i: number, digits = 6): string {
  const columns = prediction.columns ?? 1;
  const row = Array.from(prediction.values.subarray(i * columns, (i + 1) * columns), (v) => formatNumber(v, digits));
  if (columns === 1) return row[0] ?? '';
  return `(${row.slice(0, SHOWN_FEATURES).join(', ')}${columns > SHOWN_FEATURES ? ', …' : ''})`;
}

function classWeightText(weight: ClassWeight | undefined): string {
  if (!weight) return 'None';
  if (weight.kind === 'balanced') return "'balanced'";
  return `{${([0, 1] as const).filter((c) => weight.byLabel[c] !== undefined).map((c) => `${c}: ${formatNumber(weight.byLabel[c] as number, 6)}`).join(', ')}}`;
}

/** The settings in scikit-learn's own words: LogisticRegression(C=1, penalty='l2', …). */
export function settingsText(settings: FitSettings): string {
  const penalty = settings.penalty === 'none' ? 'penalty=None' : `penalty='l2', C=${formatNumber(settings.C, 6)}`;
  return `LogisticRegression(${penalty}, fit_intercept=${settings.fitIntercept ? 'True' : 'False'}, class_weight=${classWeightText(settings.classWeight)})`;
}

/** σ(0.971934·x + 0.655536), or σ(0.8·x1 + 0.52·x2 − 0.35) for several features. */
export function modelFormula(fit: LogisticModel): string {
  const names = fit.coef.length === 1 ? ['x'] : Array.from(fit.coef, (_, j) => `x${j + 1}`);
  const terms = Array.from(fit.coef, (c, j) => ({ c, name: names[j] as string }));
  let text = '';
  terms.forEach(({ c, name }, j) => {
    const sign = c < 0 ? '−' : '+';
    text += j === 0 ? `${c < 0 ? '−' : ''}${g(Math.abs(c))}·${name}` : ` ${sign} ${g(Math.abs(c))}·${name}`;
  });
  if (fit.settings.fitIntercept) text += ` ${fit.intercept < 0 ? '−' : '+'} ${g(Math.abs(fit.intercept))}`;
  return `σ(${text})`;
}

/**
 * The fit in two sentences: the model and its settings, then why scikit-learn's printed digits
 * differ. The article's 10 points: scikit-learn 1.2.1's LogisticRegression() prints coef
 * 0.97191825 (run here), its newton-cholesky solver at tol=1e-12 and an mpmath Newton both give
 * 0.9719344752; 0.97164 is the figure reported for 1.9, whose lbfgs tests tol = 1e-4 on the
 * gradient of the objective divided by Σs (from 1.6), so it stops earlier.
 */
export function fitSentences(fit: LogisticModel): string {
  const d = fit.coef.length;
  const what = d === 1 ? 'x' : d === 2 ? '2 features x1 and x2' : `${d} features x1…x${d}`;
  const ignoredC = fit.settings.penalty === 'none' ? ' (with penalty=none, C is not used)' : '';
  return (
    `Logistic regression fitted on ${what} as scikit-learn's ${settingsText(fit.settings)} defines it${ignoredC}, solved by Newton's method to the exact optimum in ${fit.iterations} step${fit.iterations === 1 ? '' : 's'}: p = ${modelFormula(fit)}. ` +
    "scikit-learn's printed digits vary with its version and tol: for the article's 10 points scikit-learn 1.2 prints coef 0.97192, 1.9 prints 0.97164, and the exact optimum is 0.97193."
  );
}

export function fitFields(fit: LogisticModel): ReplyField[] {
  const weights = fit.coef.length === 1 ? g(fit.coef[0] as number) : Array.from(fit.coef, g).join(', ');
  return [
    { name: fit.coef.length === 1 ? 'Fitted weight' : 'Fitted weights', value: weights, inline: true },
    { name: 'Fitted intercept', value: fit.settings.fitIntercept ? g(fit.intercept) : '0 (not fitted)', inline: true },
    { name: 'Fit', value: settingsText(fit.settings), inline: false },
  ];
}

/** `coef` a number for one feature and an array for several, as the JSON has always had it for one. */
export function fitData(fit: LogisticModel): Record<string, unknown> {
  const { settings } = fit;
  const classWeight = settings.classWeight?.kind === 'balanced' ? 'balanced' : settings.classWeight ? { ...settings.classWeight.byLabel } : null;
  return {
    coef: fit.coef.length === 1 ? fit.coef[0] : Array.from(fit.coef),
    intercept: fit.intercept,
    iterations: fit.iterations,
    fitOptions: { C: settings.C, penalty: settings.penalty, intercept: settings.fitIntercept, classWeight },
  };
}

import { defineCommand } from '../src/core/command.js';
import { FIT_OPTIONS } from '../src/core/input/fit-options.js';
import { readLoglossInput, type LoglossInput } from '../src/core/input/logloss-input.js';
import { isMulticlass, type MulticlassInput } from '../src/core/input/multiclass-input.js';
import type { NumbersOption, TokensOption } from '../src/core/options.js';
import { err, ok } from '../src/core/result.js';
import { fitProblemError } from '../src/explain/fit-problem.js';
import { calibrationBins, CONVENTION_OPTIONS } from '../src/core/input/convention-options.js';
import { buildLoglossAnswer } from '../src/explain/logloss-answer.js';
import { buildMulticlassAnswer } from '../src/explain/multiclass-answer.js';
import { withReadingNotes } from '../src/explain/reading-notes.js';
import { loglossReport } from '../src/loss/index.js';
import { multiclassReport } from '../src/loss/multiclass-report.js';

/** Words or numbers: multiclass-input.ts reads them, with the numeric messages y always gave. */
const y: TokensOption = {
  name: 'y', kind: 'tokens', required: true, requiredUnless: ['file'], placeholder: '<labels>', what: 'the true labels: 0 or 1, -1 or 1, or class names',
  description: 'True labels: 0 or 1 (soft 0 to 1 allowed), -1/1, or class names',
};
const p: NumbersOption = {
  name: 'p', kind: 'numbers', min: 0, max: 1, probability: true, rows: true, placeholder: '<probabilities>',
  description: 'Probability of class 1 (0.85 or 85%), or rows: one column per class',
};
const labels: TokensOption = {
  name: 'labels', kind: 'tokens', placeholder: '<classes>', what: "the classes of p's columns, in order",
  description: "The classes of p's columns, in order; binary: negative,positive",
};
const logits: NumbersOption = {
  name: 'logits', kind: 'numbers', placeholder: '<logits>',
  description: 'Raw model scores z (before the sigmoid), one per point',
};
const x: NumbersOption = {
  name: 'x', kind: 'numbers', rows: true, placeholder: '<features>',
  description: 'Features, one per point or rows [[x1,x2],…]: fits logistic regression',
};
const w: NumbersOption = {
  name: 'w', kind: 'numbers', min: 0, placeholder: '<weights>',
  description: 'Sample weights, one per point (weighted mean, as scikit-learn)',
};

export default defineCommand<LoglossInput | MulticlassInput>({
  name: 'logloss',
  description: 'Log loss (cross-entropy) of your predictions, binary or multi-class, explained point by point',
  options: [
    y, p, logits, x, w, ...FIT_OPTIONS,
    { name: 'base', kind: 'choice', choices: ['e', '2', '10'], default: 'e', placeholder: '<base>', description: 'Logarithm base: e (nats, default), 2 (bits) or 10' },
    { name: 'file', kind: 'csv', placeholder: '<data.csv>', description: 'A CSV: y,p or y,logit or x,y or x1,x2,…,y (header optional for y,p), or y,cat,dog,… per class' },
    labels,
    ...CONVENTION_OPTIONS,
  ],
  exclusive: [{ members: ['p', 'logits', 'x', 'file'], required: true }],
  examples: [
    '/logloss y=1,0,1 p=0.9,0.2,0.7',
    '/logloss y=1 p=85%',
    '/logloss y=1,0 logits=2.5,-800 base=2',
    '/logloss x=-2.2,-1.4,-0.8,0.2,0.4,0.8,1.2,2.2,2.9,4.6 y=0,0,1,0,1,1,1,1,1,1',
    '/logloss x=[[0.5,1.2],[1.5,-0.3],[-1,0.8],[2,2.5]] y=1,0,0,1 C=10 class_weight=balanced',
    '/logloss y=1,0,2 p=[[0.2,0.7,0.1],[0.6,0.2,0.2],[0.6,0.1,0.3]]',
    '/logloss y=cat,dog,cat p=[[0.7,0.2,0.1],[0.1,0.8,0.1],[0.5,0.3,0.2]] labels=cat,dog,bird',
    '/logloss y=no,yes,yes p=0.2,0.9,0.6',
    '/logloss file=predictions.csv',
    '/logloss y=1,0,1 p=0.9,0.2,0.7 w=1,1,3 convention=keras',
    '/logloss y=1,0 p=0,0.2 eps=0',
    '/logloss y=1,0,1 p=1e-12,0.2,0.7 convention=torch',
    '/logloss y=1,0,0,0 logits=0.5,-1,-2,0.3 pos_weight=3',
    '/logloss y=1,0,1 p=0.9,0.2,0.7 smoothing=0.1 reduction=sum',
    '/logloss file=predictions.csv bins=5',
  ],
  check: readLoglossInput,
  async run(input, ctx) {
    if (isMulticlass(input)) {
      const classes = multiclassReport(input.labels, input.p, input.k, { base: input.base, ...(input.weights ? { weights: input.weights } : {}), ...(input.scoring ? { scoring: input.scoring } : {}) });
      return ok(await buildMulticlassAnswer(input, classes, ctx));
    }
    const bins = calibrationBins(input);
    const report = loglossReport(input.y, input.prediction, {
      base: input.base,
      ...(input.weights ? { weights: input.weights } : {}),
      ...(input.scoring ? { scoring: input.scoring } : {}),
      ...(bins !== undefined ? { calibrationBins: bins } : {}),
      ...(input.fit ? { fit: input.fit } : {}),
    });
    if (!report.ok) return err(fitProblemError(report.error));
    return ok(withReadingNotes(await buildLoglossAnswer(input, report.value, ctx), input.readAs));
  },
});

import { defineCommand } from '../src/core/command.js';
import { readLoglossInput, type LoglossInput } from '../src/core/input/logloss-input.js';
import type { NumbersOption } from '../src/core/options.js';
import { err, ok } from '../src/core/result.js';
import { fitProblemError } from '../src/explain/fit-problem.js';
import { calibrationBins, CONVENTION_OPTIONS } from '../src/core/input/convention-options.js';
import { buildLoglossAnswer } from '../src/explain/logloss-answer.js';
import { loglossReport } from '../src/loss/index.js';

const y: NumbersOption = {
  name: 'y', kind: 'numbers', min: 0, max: 1, required: true, requiredUnless: ['file'], placeholder: '<labels>',
  description: 'True labels: 0 or 1 (soft labels from 0 to 1 allowed with p or logits)',
};
const p: NumbersOption = {
  name: 'p', kind: 'numbers', min: 0, max: 1, probability: true, placeholder: '<probabilities>',
  description: 'Predicted probability of class 1 for each point (0.85 or 85%)',
};
const logits: NumbersOption = {
  name: 'logits', kind: 'numbers', placeholder: '<logits>',
  description: 'Raw model scores z (before the sigmoid), one per point',
};
const x: NumbersOption = {
  name: 'x', kind: 'numbers', placeholder: '<feature>',
  description: 'One feature per point: lossbot fits logistic regression and scores it',
};
const w: NumbersOption = {
  name: 'w', kind: 'numbers', min: 0, placeholder: '<weights>',
  description: 'Sample weights, one per point (weighted mean, as scikit-learn)',
};

export default defineCommand<LoglossInput>({
  name: 'logloss',
  description: 'Log loss (binary cross-entropy) of your predictions, explained point by point',
  options: [
    y, p, logits, x, w,
    { name: 'base', kind: 'choice', choices: ['e', '2', '10'], default: 'e', placeholder: '<base>', description: 'Logarithm base: e (nats, default), 2 (bits) or 10' },
    { name: 'file', kind: 'csv', placeholder: '<data.csv>', description: 'A CSV with columns y,p or y,logit or x,y (header optional for y,p)' },
    ...CONVENTION_OPTIONS,
  ],
  exclusive: [{ members: ['p', 'logits', 'x', 'file'], required: true }],
  examples: [
    '/logloss y=1,0,1 p=0.9,0.2,0.7',
    '/logloss y=1 p=85%',
    '/logloss y=1,0 logits=2.5,-800 base=2',
    '/logloss x=-2.2,-1.4,-0.8,0.2,0.4,0.8,1.2,2.2,2.9,4.6 y=0,0,1,0,1,1,1,1,1,1',
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
    const bins = calibrationBins(input);
    const report = loglossReport(input.y, input.prediction, {
      base: input.base,
      ...(input.weights ? { weights: input.weights } : {}),
      ...(input.scoring ? { scoring: input.scoring } : {}),
      ...(bins !== undefined ? { calibrationBins: bins } : {}),
    });
    if (!report.ok) return err(fitProblemError(report.error));
    return ok(await buildLoglossAnswer(input, report.value, ctx));
  },
});

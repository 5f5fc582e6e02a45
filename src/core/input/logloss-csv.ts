import type { CsvSpec } from '../csv.js';

/** Header names a CSV may use for each column (lowercase). */
export const LOGLOSS_CSV_SPEC: CsvSpec = {
  columns: [
    { name: 'y', aliases: ['y', 'label', 'labels', 'target', 'y_true', 'class', 'truth'], min: 0, max: 1, what: 'a label from 0 to 1' },
    { name: 'p', aliases: ['p', 'prob', 'proba', 'probability', 'pred', 'prediction', 'y_pred', 'y_prob'], min: 0, max: 1, what: 'a probability from 0 to 1' },
    { name: 'logits', aliases: ['logit', 'logits', 'z', 'score'], what: 'a finite number' },
    { name: 'x', aliases: ['x', 'feature'], what: 'a finite number' },
    { name: 'x<k>', aliases: [], pattern: /^x\d+$/, what: 'a finite number' },
    { name: 'w', aliases: ['w', 'weight', 'weights', 'sample_weight'], min: 0, what: 'a weight of at least 0' },
  ],
  headerless: { 2: ['y', 'p'], 3: ['y', 'p', 'w'] },
};

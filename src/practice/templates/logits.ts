import { pointsDraft } from './bce.js';
import { list, labels, type Template } from './template.js';

const onePoint: Template = {
  key: 'a',
  draft(draw) {
    const [y] = labels(draw, 1) as [number];
    const z = draw.logit();
    return pointsDraft({ y: [y], logits: [z], base: 'e' }, `A logistic model outputs the score (logit) z = ${z} for a point whose true label is y = ${y}; its probability of class 1 is σ(z). What is the log loss of this point?`);
  },
};

const meanOfBatch: Template = {
  key: 'a',
  draft(draw) {
    const y = labels(draw, 3);
    const logits = y.map(() => draw.logit());
    return pointsDraft({ y, logits, base: 'e' }, `A model outputs the logits z = ${list(logits)} for three points with labels y = ${list(y)}. What is the mean log loss?`);
  },
};

const inBits: Template = {
  key: 'b',
  draft(draw) {
    const [y] = labels(draw, 1) as [number];
    const z = draw.logit();
    return pointsDraft({ y: [y], logits: [z], base: '2' }, `A point with label y = ${y} gets the logit z = ${z}. What is its log loss in bits?`);
  },
};

const weightedBits: Template = {
  key: 'a',
  draft(draw) {
    const y = labels(draw, 3);
    const logits = y.map(() => draw.logit());
    const w = draw.shuffle([1, 2, 3]);
    return pointsDraft({ y, logits, w, base: '2' }, `Three points have labels y = ${list(y)}, logits z = ${list(logits)} and sample weights w = ${list(w)}. Turn each logit into a probability with σ(z), then find the weighted mean log loss Σwℓ / Σw in bits.`);
  },
};

export const LOGITS_TEMPLATES: Record<1 | 2 | 3, readonly Template[]> = { 1: [onePoint], 2: [meanOfBatch, inBits], 3: [weightedBits] };

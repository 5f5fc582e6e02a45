import type { ParsedArgs } from '../src/core/args.js';
import { defineCommand } from '../src/core/command.js';
import { messages } from '../src/core/messages.js';
import { err, ok } from '../src/core/result.js';
import { userError, type Parsed } from '../src/core/user-error.js';
import { givesClasses, readClassPoints } from '../src/core/input/derive-class-input.js';
import type { ParsedNumbers } from '../src/core/options.js';
import type { DeriveNumbers, Topic } from '../src/derive/derivation.js';
import { TOPIC_NAMES, topicNamed } from '../src/derive/topics/index.js';
import { DERIVE_OPTION_SPECS, optionsLine, readDeriveOptions } from '../src/derive/derive-options.js';
import { buildDeriveAnswer, type DeriveRequest } from '../src/explain/derive-answer.js';
import { sigmoid } from '../src/loss/index.js';

/** Every point is written into the equations; more than this would not fit an image or a button id. */
const MAX_POINTS = 20;

export default defineCommand<DeriveRequest>({
  name: 'derive',
  description: 'Where a loss formula comes from, step by step, with your own numbers plugged in',
  options: [
    { name: 'topic', kind: 'choice', choices: TOPIC_NAMES, default: 'bce', placeholder: '<topic>', description: `What to derive: ${TOPIC_NAMES.join(', ')} (default bce)` },
    { name: 'y', kind: 'numbers', min: 0, placeholder: '<labels>', description: 'True labels, 0 or 1 (topic=categorical: the true class, 0 to K-1)' },
    { name: 'p', kind: 'numbers', min: 0, max: 1, probability: true, rows: true, placeholder: '<probabilities>', description: 'Predicted probabilities of class 1 (0.85 or 85%); categorical: K per point' },
    { name: 'logits', kind: 'numbers', rows: true, placeholder: '<logits>', description: 'Raw scores z instead of p; the steps start from the sigmoid' },
    ...DERIVE_OPTION_SPECS,
  ],
  exclusive: [{ members: ['p', 'logits'], required: false }],
  examples: ['/derive topic=bce y=1 p=0.85', '/derive topic=gradient y=1,0 p=0.9,0.3', '/derive topic=mse y=1 p=0.01', '/derive topic=entropy p=0.5', '/derive topic=cross-entropy y=1,0 logits=2,-1', '/derive topic=categorical y=2 p=0.2,0.3,0.5', '/derive topic=gradient y=1,0,0,0 p=0.6,0.3,0.2,0.1 pos_weight=3', '/derive topic=bce y=1,0 p=0.9,0.2 smoothing=0.1'],
  check: checkDerive,
  async run(request, ctx) {
    return ok(await buildDeriveAnswer(request, ctx));
  },
});

function checkDerive(args: ParsedArgs): Parsed<DeriveRequest> {
  const topic = topicNamed(args.choice('topic') ?? 'bce') as Topic;
  const options = readDeriveOptions(args, topic.name);
  if (!options.ok) return options;
  const request = checkPoints(args, topic);
  if (!request.ok) return request;
  const given = options.value.posWeight !== undefined ? 'pos_weight' : options.value.smoothing !== undefined ? 'smoothing' : undefined;
  if (given && !request.value.numbers) return err(userError('missing-option', messages.deriveOptionNeedsNumbers(given, topic.name), given));
  const numbers = request.value.numbers && { ...request.value.numbers, ...options.value };
  return ok({ ...request.value, ...(numbers ? { numbers } : {}), line: request.value.line + optionsLine(options.value) });
}

function checkPoints(args: ParsedArgs, topic: Topic): Parsed<DeriveRequest> {
  const labels = args.numbers('y')?.values;
  const p = args.numbers('p');
  const logits = args.numbers('logits')?.values;
  const predictions = p?.values ?? logits;
  const predictionName = p ? 'p' : 'logits';
  const percentTokens = p?.percentTokens ?? 0;
  const given = p ?? args.numbers('logits');
  if (given && topic.name === 'categorical' && givesClasses(labels, given)) {
    if (!labels) return err(userError('missing-option', messages.missingOption('y', 'the true class of each point, 0 to K-1'), 'y'));
    if (labels.length > MAX_POINTS) return err(userError('too-many-values', messages.deriveTooManyPoints('y', labels.length, MAX_POINTS), 'y'));
    const numbers = readClassPoints(labels, given, predictionName);
    return numbers.ok ? ok({ topic, numbers: numbers.value, percentTokens, line: classLine(numbers.value, predictionName, given) }) : numbers;
  }
  if (given?.columns !== undefined) return err(userError('rows-not-accepted', messages.deriveClassesOnlyCategorical(predictionName, topic.name), predictionName));
  if (predictions && predictions.length > MAX_POINTS) return err(userError('too-many-values', messages.deriveTooManyPoints(predictionName, predictions.length, MAX_POINTS), predictionName));
  if (topic.needs === 'probabilities') {
    if (labels) return err(userError('conflicting-options', messages.deriveUnusedOption('y', topic.name, 'p (or logits) alone, for example p=0.85'), 'y'));
    if (!predictions) return ok({ topic, percentTokens, line: `/derive topic=${topic.name}` });
    const numbers: DeriveNumbers = { y: new Float64Array(0), p: logits ? logits.map(sigmoid) : (p?.values as Float64Array), ...(logits ? { logits } : {}) };
    return ok({ topic, numbers, percentTokens, line: canonicalLine(topic, numbers) });
  }
  if (!labels && !predictions) return ok({ topic, percentTokens, line: `/derive topic=${topic.name}` });
  if (!labels) return err(userError('missing-option', messages.missingOption('y', 'the true labels, 0 or 1, one per prediction'), 'y'));
  if (!predictions) return err(userError('missing-option', messages.missingOption('p', 'the predicted probabilities of class 1 (or give logits)'), 'p'));
  if (labels.length > MAX_POINTS) return err(userError('too-many-values', messages.deriveTooManyPoints('y', labels.length, MAX_POINTS), 'y'));
  if (predictions.length !== labels.length) {
    return err(userError('length-mismatch', messages.lengthMismatch('y', labels.length, predictionName, predictions.length), predictionName));
  }
  const soft = labels.find((v) => v !== 0 && v !== 1);
  if (soft !== undefined) return err(userError('labels-not-binary', messages.deriveLabelsNotBinary('y', String(soft)), 'y'));
  const numbers: DeriveNumbers = { y: labels, p: logits ? logits.map(sigmoid) : (p?.values as Float64Array), ...(logits ? { logits } : {}) };
  return ok({ topic, numbers, percentTokens, line: canonicalLine(topic, numbers) });
}

/** The K-class request as a line: every point a row, which reads back the same with one point or many. */
function classLine(numbers: DeriveNumbers, name: 'p' | 'logits', given: ParsedNumbers): string {
  const k = numbers.classes?.k ?? 1;
  const rows = Array.from({ length: numbers.y.length }, (_, i) => `[${Array.from(given.values.subarray(i * k, (i + 1) * k), String).join(',')}]`);
  return `/derive topic=categorical y=${Array.from(numbers.y, String).join(',')} ${name}=[${rows.join(',')}]`;
}

/** The shortest line that reproduces the request: String(x) is the shortest exact decimal. */
function canonicalLine(topic: Topic, numbers: DeriveNumbers): string {
  const list = (values: Float64Array) => Array.from(values, String).join(',');
  const parts = [`/derive topic=${topic.name}`];
  if (numbers.y.length > 0) parts.push(`y=${list(numbers.y)}`);
  parts.push(numbers.logits ? `logits=${list(numbers.logits)}` : `p=${list(numbers.p)}`);
  return parts.join(' ');
}

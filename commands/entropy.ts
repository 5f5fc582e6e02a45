import { defineCommand } from '../src/core/command.js';
import { err, ok } from '../src/core/result.js';
import { readDistributions } from '../src/core/input/distribution-input.js';
import { flatAgainstRows, readAxis, readDistributionRows } from '../src/core/input/distribution-rows.js';
import { readAnyBase } from '../src/core/input/log-base-input.js';
import { messages } from '../src/core/messages.js';
import { userError } from '../src/core/user-error.js';
import { buildEntropyAnswer, type EntropyRequest } from '../src/explain/entropy-answer.js';
import { buildEntropyRowsAnswer, type EntropyRowsRequest } from '../src/explain/entropy-rows-answer.js';
import { compareDistributions } from '../src/loss/index.js';

export default defineCommand<EntropyRequest | EntropyRowsRequest>({
  name: 'entropy',
  description: 'Entropy of q, and with p the cross-entropy and KL divergence, explained',
  options: [
    { name: 'q', kind: 'tokens', required: true, placeholder: '<distribution>', description: 'The true distribution: probabilities, counts, labels to count (red,red,green), or rows [[…],[…]]' },
    { name: 'p', kind: 'tokens', placeholder: '<distribution>', description: 'The predicted distribution, same classes (or rows) as q: gives cross-entropy and KL' },
    // Any number above 1 is a base, so a list Discord could offer as fixed choices cannot hold them: the
    // value is text, read by readAnyBase on every platform alike.
    { name: 'base', kind: 'tokens', placeholder: 'e|2|10|<b>', description: 'Logarithm base: e (nats, default), 2 (bits), 10 (hartleys) or any number above 1' },
    // Text too, so that an axis given with a flat q can be told from the default and refused.
    { name: 'axis', kind: 'tokens', placeholder: '0|1', description: 'For rows of values: 0 (default, as scipy) takes each column as a distribution, 1 each row' },
  ],
  examples: [
    '/entropy q=0.3,0.7',
    '/entropy q=0.3,0.7 p=0.5,0.5 base=2',
    '/entropy q=0.2,0.3,0.5 base=3',
    '/entropy q=3,7',
    '/entropy q=red,red,green,blue p=red,green,blue',
    '/entropy q=[[0.2,0.6],[0.8,0.4]] p=[[0.5,0.5],[0.5,0.5]]',
    '/entropy q=[[0.2,0.8],[0.6,0.4]] axis=1',
  ],
  check(args) {
    const base = readAnyBase(args.tokens('base'));
    if (!base.ok) return base;
    const axis = readAxis(args.tokens('axis'));
    if (!axis.ok) return axis;
    const q = args.tokens('q');
    const p = args.tokens('p');
    const mixed = flatAgainstRows(q?.rows, q?.tokens.length ?? 0, p?.rows, p?.tokens.length);
    if (!mixed.ok) return mixed;
    if (q?.rows) {
      const rows = readDistributionRows(q.rows, p?.rows, axis.value);
      if (!rows.ok) return rows;
      return ok({ rows: rows.value, base: base.value });
    }
    if (axis.value !== undefined) return err(userError('conflicting-options', messages.axisNeedsRows(), 'axis'));
    const input = readDistributions(q?.tokens ?? [], p?.tokens);
    if (!input.ok) return input;
    return ok({ input: input.value, base: base.value });
  },
  async run(request, ctx) {
    if ('rows' in request) return ok(await buildEntropyRowsAnswer(request, ctx));
    const { q, p } = request.input;
    const report = compareDistributions(q, p, request.base);
    return ok(await buildEntropyAnswer(request, report, ctx));
  },
});

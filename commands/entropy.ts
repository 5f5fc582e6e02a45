import { defineCommand } from '../src/core/command.js';
import { messages } from '../src/core/messages.js';
import { err, ok } from '../src/core/result.js';
import { userError } from '../src/core/user-error.js';
import { readDistributions } from '../src/core/input/distribution-input.js';
import { readAnyBase } from '../src/core/input/log-base-input.js';
import { buildEntropyAnswer, type EntropyRequest } from '../src/explain/entropy-answer.js';
import { compareDistributions } from '../src/loss/index.js';

export default defineCommand<EntropyRequest>({
  name: 'entropy',
  description: 'Entropy of q, and with p the cross-entropy and KL divergence, explained',
  options: [
    { name: 'q', kind: 'tokens', required: true, placeholder: '<distribution>', description: 'The true distribution: probabilities, counts, or labels to count (red,red,green)' },
    { name: 'p', kind: 'tokens', placeholder: '<distribution>', description: 'The predicted distribution, same classes as q: gives cross-entropy and KL' },
    // Any number above 1 is a base, so a list Discord could offer as fixed choices cannot hold them: the
    // value is text, read by readAnyBase on every platform alike.
    { name: 'base', kind: 'tokens', placeholder: 'e|2|10|<b>', description: 'Logarithm base: e (nats, default), 2 (bits), 10 (hartleys) or any number above 1' },
  ],
  examples: ['/entropy q=0.3,0.7', '/entropy q=0.3,0.7 p=0.5,0.5 base=2', '/entropy q=0.2,0.3,0.5 base=3', '/entropy q=3,7', '/entropy q=red,red,green,blue p=red,green,blue'],
  check(args) {
    for (const name of ['q', 'p']) {
      const rows = args.tokens(name)?.rows;
      if (rows) return err(userError('nested-list', messages.nestedList(name, JSON.stringify(rows).replaceAll('"', '')), name));
    }
    const q = args.tokens('q')?.tokens ?? [];
    const p = args.tokens('p')?.tokens;
    const input = readDistributions(q, p);
    if (!input.ok) return input;
    const base = readAnyBase(args.tokens('base'));
    if (!base.ok) return base;
    return ok({ input: input.value, base: base.value });
  },
  async run(request, ctx) {
    const { q, p } = request.input;
    const report = compareDistributions(q, p, request.base);
    return ok(await buildEntropyAnswer(request, report, ctx));
  },
});

import { defineCommand } from '../src/core/command.js';
import { messages } from '../src/core/messages.js';
import { err, ok } from '../src/core/result.js';
import { userError } from '../src/core/user-error.js';
import { readDistributions } from '../src/core/input/distribution-input.js';
import { buildEntropyAnswer, type EntropyRequest } from '../src/explain/entropy-answer.js';
import { compareDistributions, type LogBase } from '../src/loss/index.js';

export default defineCommand<EntropyRequest>({
  name: 'entropy',
  description: 'Entropy of q, and with p the cross-entropy and KL divergence, explained',
  options: [
    { name: 'q', kind: 'tokens', required: true, placeholder: '<distribution>', description: 'The true distribution: probabilities, counts, or labels to count (red,red,green)' },
    { name: 'p', kind: 'tokens', placeholder: '<distribution>', description: 'The predicted distribution, same classes as q: gives cross-entropy and KL' },
    { name: 'base', kind: 'choice', choices: ['e', '2', '10'], default: 'e', placeholder: '<base>', description: 'Logarithm base: e (nats, default), 2 (bits) or 10' },
  ],
  examples: ['/entropy q=0.3,0.7', '/entropy q=0.3,0.7 p=0.5,0.5 base=2', '/entropy q=3,7', '/entropy q=red,red,green,blue p=red,green,blue'],
  check(args) {
    for (const name of ['q', 'p']) {
      const rows = args.tokens(name)?.rows;
      if (rows) return err(userError('nested-list', messages.nestedList(name, JSON.stringify(rows).replaceAll('"', '')), name));
    }
    const q = args.tokens('q')?.tokens ?? [];
    const p = args.tokens('p')?.tokens;
    const input = readDistributions(q, p);
    if (!input.ok) return input;
    return ok({ input: input.value, base: (args.choice('base') ?? 'e') as LogBase });
  },
  async run(request, ctx) {
    const { q, p } = request.input;
    const report = compareDistributions(q, p, request.base);
    return ok(await buildEntropyAnswer(request, report, ctx));
  },
});

import { benchLoss, benchMulticlass } from './loss-bench.js';

/** `npx tsx bench/multiclass-once.ts`: the multi-class figure alone, beside the binary one on the same machine. */
process.stdout.write(`multi-class log loss, 1e6 points × 10: ${benchMulticlass().toFixed(1)} ms (target <= 120); binary, 1e6 points: ${benchLoss().toFixed(1)} ms (target <= 50)\n`);

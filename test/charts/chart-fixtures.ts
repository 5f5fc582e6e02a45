import type { LoglossChartInput } from '../../src/charts/chart-inputs.js';
import { binaryCrossEntropy } from '../../src/loss/index.js';

export { entropyInput, fitInput, pointsInput } from '../../src/charts/sample-inputs.js';

/** A million points, for the large-input path. */
export function largeInput(n = 1_000_000): LoglossChartInput {
  const y = new Float64Array(n);
  const p = new Float64Array(n);
  let state = 12345;
  for (let i = 0; i < n; i++) {
    state = (state * 16807) % 2147483647;
    y[i] = state % 3 === 0 ? 1 : 0;
    state = (state * 16807) % 2147483647;
    const u = state / 2147483647;
    p[i] = y[i] === 1 ? Math.sqrt(u) : u * u;
  }
  const bce = binaryCrossEntropy(y, p, { base: '2' });
  return { y, trueClassProb: bce.trueClassProb, perPoint: bce.perPoint, loss: bce.loss, unit: 'bits', logBase: 2 };
}


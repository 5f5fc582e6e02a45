import { parseNumericCsv } from '../src/core/csv.js';
import { binaryCrossEntropy } from '../src/loss/index.js';
import { multiclassLogLoss } from '../src/loss/multiclass-log-loss.js';
import { LOGLOSS_CSV_SPEC } from '../src/core/input/logloss-csv.js';
import { seededRandom } from '../src/practice/seeded-random.js';
import { timeMedian } from './timing.js';

const POINTS = 1_000_000;

function makePoints(n: number): { y: Float64Array; p: Float64Array } {
  const random = seededRandom(42);
  const y = new Float64Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = random() < 0.5 ? 0 : 1;
    p[i] = random();
  }
  return { y, p };
}

/** Binary cross-entropy over 1,000,000 points held in Float64Arrays (target <= 50 ms). */
export function benchLoss(): number {
  const { y, p } = makePoints(POINTS);
  return timeMedian(() => binaryCrossEntropy(y, p), 7);
}

const CLASSES = 10;

/** Rows of CLASSES probabilities (each row sums to 1), row-major in one Float64Array, and a true class per row. */
function makeClassRows(n: number, k: number): { labels: Uint32Array; p: Float64Array } {
  const random = seededRandom(7);
  const labels = new Uint32Array(n);
  const p = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const v = random() + 1e-3;
      p[i * k + j] = v;
      sum += v;
    }
    for (let j = 0; j < k; j++) p[i * k + j] = (p[i * k + j] as number) / sum;
    labels[i] = Math.floor(random() * k);
  }
  return { labels, p };
}

/** Multi-class log loss over 1,000,000 points × 10 classes in one flat Float64Array (target <= 120 ms). */
export function benchMulticlass(): number {
  const { labels, p } = makeClassRows(POINTS, CLASSES);
  return timeMedian(() => multiclassLogLoss(labels, p, CLASSES), 7);
}

/** Parsing a 1,000,000-row "y,p" CSV text (target <= 400 ms). */
export function benchCsv(): number {
  const { y, p } = makePoints(POINTS);
  const lines = ['y,p'];
  for (let i = 0; i < POINTS; i++) lines.push(`${y[i]},${p[i]}`);
  const text = lines.join('\n');
  return timeMedian(() => {
    const table = parseNumericCsv(text, LOGLOSS_CSV_SPEC);
    if (!table.ok || table.value.rows !== POINTS) throw new Error('the CSV bench did not parse its own data');
  }, 5, 1);
}

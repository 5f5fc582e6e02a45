import type { Answer, RunContext } from '../core/command.js';
import { formatCount, formatNumber, formatPercent } from '../core/format.js';
import type { MulticlassInput } from '../core/input/multiclass-input.js';
import type { ReplyField, ReplyTable } from '../core/reply.js';
import { amount, counted, sharePercent } from '../core/wording.js';
import { toBase } from '../loss/index.js';
import { multiclassLogLoss } from '../loss/multiclass-log-loss.js';
import type { MulticlassReport } from '../loss/multiclass-report.js';
import { multiclassChartImages } from './multiclass-charts.js';
import { multiclassConventionData, multiclassConventionSentences, scoresOtherwise } from './multiclass-convention-answer.js';
import { MAX_TABLE_ROWS, topIndices } from './table.js';
import { BASE_WORDS, baseForJson } from './units.js';

/** Above this many points the JSON leaves out per-point arrays, as the binary answer does. */
const MAX_JSON_POINTS = 100_000;
/** How many confident mistakes the explanation names. */
const NAMED_MISTAKES = 3;

const f = (x: number) => formatNumber(x);

/** The /logloss answer for one probability column per class. */
export async function buildMulticlassAnswer(input: MulticlassInput, report: MulticlassReport, ctx: RunContext): Promise<Answer> {
  const { result, baseline } = report;
  const unit = BASE_WORDS[input.base].unit;
  const gap = result.loss - baseline.loss;
  const sklearnSorted = sklearnOrder(input);
  const charts = await multiclassChartImages(input, report, ctx);
  return {
    title: `Log loss: ${amount(f(result.loss), unit)}`,
    summary: [
      headline(input, report),
      mechanism(input),
      byClass(input, report),
      mistakes(input, report),
      baselineSentence(input, report, gap),
      ...multiclassConventionSentences(input, report),
      ...notes(input, report, sklearnSorted),
      charts.note ?? '',
    ].filter((s) => s.length > 0).join('\n\n'),
    fields: fields(input, report, gap),
    table: table(input, report),
    images: charts.images,
    data: data(input, report, gap, sklearnSorted),
  };
}

interface SortedReading {
  classes: string[];
  loss: number;
}

/**
 * scikit-learn's log_loss puts labels= through LabelBinarizer, which sorts them (np.unique), so
 * labels=cat,dog,bird reads the columns as bird, cat, dog. lossbot reads them in the order given;
 * when that order is not sorted the answer also says what scikit-learn would report.
 */
function sklearnOrder(input: MulticlassInput): SortedReading | undefined {
  if (!input.classesGiven || input.source !== 'inline') return undefined;
  const numeric = input.classes.every((c) => c.trim() !== '' && Number.isFinite(Number(c)));
  const classes = [...input.classes].sort((a, b) => (numeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
  if (classes.every((c, j) => c === input.classes[j])) return undefined;
  const column = new Map(classes.map((c, j) => [c, j]));
  const labels = Uint32Array.from(input.labels, (c) => column.get(input.classes[c] as string) ?? 0);
  const loss = multiclassLogLoss(labels, input.p, input.k, input.weights ? { base: input.base, weights: input.weights } : { base: input.base }).loss;
  return { classes, loss };
}

function headline(input: MulticlassInput, { result }: MulticlassReport): string {
  const words = BASE_WORDS[input.base];
  const reduction = input.scoring?.settings.reduction ?? 'mean';
  const mean = reduction === 'sum' ? 'sum' : reduction === 'sum_over_batch_size' ? (input.weights ? 'weighted sum over the batch size, Σw·l/N,' : 'mean (sum_over_batch_size)') : input.weights ? 'weighted mean' : 'mean';
  const over = result.n === 1 && reduction !== 'sum_over_batch_size' ? 'for 1 point' : `the ${mean} over ${formatCount(result.n)} points`;
  return `**Log loss (categorical cross-entropy) = ${amount(f(result.loss), words.unit)}**, ${over} and ${formatCount(result.k)} classes (${input.classes.join(', ')}; ${words.name}).`;
}

function mechanism(input: MulticlassInput): string {
  const log = BASE_WORDS[input.base].log;
  if ((input.scoring?.smoothing ?? 0) > 0) return `Each point adds −Σ t·${log} q over every column of its row, t being its smoothed label (below), so the other columns count directly.`;
  const others = input.scoring?.settings.convention === 'torch' ? 'the other columns do not count at all (nothing is renormalised)' : "the other columns count only through the row's total, which should be 1";
  return `Each point adds −${log} of the probability its row gave to its true class; ${others}.`;
}

/** Which class costs most: the classes by their share of the total, costliest first. */
function byClass(input: MulticlassInput, { perClass }: MulticlassReport): string {
  const unit = BASE_WORDS[input.base].unit;
  const order = perClass.map((_, c) => c).filter((c) => (perClass[c]?.count ?? 0) > 0).sort((a, b) => (perClass[b]?.share ?? 0) - (perClass[a]?.share ?? 0) || a - b);
  const top = order[0];
  if (top === undefined || order.length === 1) return '';
  const first = perClass[top];
  if (!first) return '';
  const rest = order.slice(1, 6).map((c) => `${className(input, c)} ${sharePercent(perClass[c]?.share ?? 0)}`).join(', ');
  const more = order.length > 6 ? ', …' : '';
  return `By class: ${className(input, top)} costs most, ${sharePercent(first.share)} of the total (mean ${amount(f(first.meanLoss), unit)} over ${counted(first.count, 'point')}); then ${rest}${more}.`;
}

/** The column a row favoured most (first on ties). */
function favourite(input: MulticlassInput, i: number): number {
  let best = 0;
  for (let j = 1; j < input.k; j++) if ((input.p[i * input.k + j] as number) > (input.p[i * input.k + best] as number)) best = j;
  return best;
}

function describePoint(input: MulticlassInput, i: number): string {
  return `point ${i + 1} (y=${input.classes[input.labels[i] as number]})`;
}

/** A class in a sentence: "class 2" for a number, the name itself for a word. */
function className(input: MulticlassInput, c: number): string {
  const name = input.classes[c] ?? '';
  return /\p{L}/u.test(name) ? name : `class ${name}`;
}

/** The points whose true class got the least, by name, with what the model preferred instead. */
function mistakes(input: MulticlassInput, { result }: MulticlassReport): string {
  if (result.n === 1) {
    const q = result.trueClassProb[0] as number;
    return `Here the true class, ${className(input, input.labels[0] as number)}, got ${f(q)}, so the loss is −${BASE_WORDS[input.base].log}(${f(q)}) = ${amount(f(result.perPoint[0] as number), BASE_WORDS[input.base].unit)}.`;
  }
  const unit = BASE_WORDS[input.base].unit;
  const named = topIndices(result.perPoint, NAMED_MISTAKES, (i) => favourite(input, i) !== input.labels[i]);
  if (named.length === 0) {
    const worst = topIndices(result.perPoint, 1)[0] ?? 0;
    return `Every point gave its true class the most probability. The costliest is ${describePoint(input, worst)}: its true class got ${f(result.trueClassProb[worst] as number)}, ${amount(f(result.perPoint[worst] as number), unit)}, ${sharePercent(result.share[worst] as number)} of the total.`;
  }
  const parts = named.map((i) => {
    const other = favourite(input, i);
    return `${describePoint(input, i)} gave its true class ${f(result.trueClassProb[i] as number)} and ${f(input.p[i * input.k + other] as number)} to ${className(input, other)}: ${amount(f(result.perPoint[i] as number), unit)}, ${sharePercent(result.share[i] as number)} of the total`;
  });
  const lead = (result.trueClassProb[named[0] as number] as number) < 0.2 ? 'The most confident mistakes' : 'The mistakes';
  return `${lead}: ${parts.join('; ')}.`;
}

function baselineSentence(input: MulticlassInput, { result, baseline }: MulticlassReport, gap: number): string {
  const unit = BASE_WORDS[input.base].unit;
  if (result.n === 1) return `Baseline: with one point the class frequencies are its own class, so the baseline scores 0 by construction; it only says something about several points.`;
  const frequencies = input.classes.map((c, j) => `${c}: ${f(baseline.frequencies[j] as number)}`).slice(0, 8).join(', ') + (input.k > 8 ? ', …' : '');
  const comparison = Math.abs(gap) < 1e-12 ? 'these predictions do exactly as well' : gap < 0 ? `these predictions are ${amount(f(-gap), unit)} better` : `these predictions are ${amount(f(gap), unit)} worse: a model that knows only the class frequencies beats them`;
  return `Baseline: always predicting the ${input.weights ? 'weighted ' : ''}class frequencies (${frequencies}) would score ${amount(f(baseline.loss), unit)}, ${scoresOtherwise(input) ? 'scored the same way' : 'the entropy of the labels'}; ${comparison}.`;
}

function notes(input: MulticlassInput, { result }: MulticlassReport, sklearnSorted: SortedReading | undefined): string[] {
  const out: string[] = [];
  const unit = BASE_WORDS[input.base].unit;
  if (input.percentTokens > 0) out.push(`Note: read ${formatCount(input.percentTokens)} percentage${input.percentTokens === 1 ? '' : 's'} in p as fractions (85% = 0.85).`);
  if (result.clippedCount > 0 && !input.scoring?.conventionGiven) {
    out.push(`Note: ${formatCount(result.clippedCount)} probabilit${result.clippedCount === 1 ? 'y was' : 'ies were'} exactly 0 or 1 (or within ${formatNumber(result.eps, 3)} of it) and ${result.clippedCount === 1 ? 'was' : 'were'} clipped to [ε, 1−ε] with ε = ${formatNumber(result.eps, 4)} before the rows were renormalised, as scikit-learn's log_loss does, so a certain mistake costs about ${amount(f(toBase(-Math.log(result.eps), input.base)), unit)} instead of infinity.`);
  }
  if (result.renormalisedRows > 0) {
    const rows = result.renormalisedRows;
    out.push(`Note: ${counted(rows, 'row')} of p did not sum to 1 and ${rows === 1 ? 'was' : 'were'} renormalised (each probability divided by its row's sum), as scikit-learn 1.2 does silently; newer versions warn, so check that p holds probabilities.`);
  }
  if (sklearnSorted) {
    out.push(`Note: the columns were read in the order of labels= (${input.classes.join(', ')}); scikit-learn's log_loss sorts labels= (${sklearnSorted.classes.join(', ')}) and reads the columns in that order, so with these numbers it would report ${amount(f(sklearnSorted.loss), unit)}. List labels= in sorted order, with the columns to match, to get the same from both.`);
  }
  return out;
}

function fields(input: MulticlassInput, { result, baseline, perClass }: MulticlassReport, gap: number): ReplyField[] {
  const unit = BASE_WORDS[input.base].unit;
  const out: ReplyField[] = [
    { name: 'Log loss', value: amount(f(result.loss), unit), inline: true },
    { name: 'Points', value: formatCount(result.n), inline: true },
    { name: 'Classes', value: formatCount(result.k), inline: true },
  ];
  if (result.n > 1) {
    out.push(
      { name: 'Baseline', value: `${amount(f(baseline.loss), unit)} (class frequencies)`, inline: true },
      { name: 'Gap to baseline', value: amount(`${gap <= 0 ? '−' : '+'}${f(Math.abs(gap))}`, unit), inline: true },
    );
  }
  const costliest = perClass.reduce((best, c, j) => (c.share > (perClass[best]?.share ?? 0) ? j : best), 0);
  out.push({ name: 'Costliest class', value: `${input.classes[costliest]} (${formatPercent(perClass[costliest]?.share ?? 0)})`, inline: true });
  if (result.clippedCount > 0) out.push({ name: 'Clipped', value: `${formatCount(result.clippedCount)} (ε = ${formatNumber(result.eps, 4)})`, inline: true });
  if (result.renormalisedRows > 0) out.push({ name: 'Renormalised rows', value: formatCount(result.renormalisedRows), inline: true });
  return out;
}

function table(input: MulticlassInput, { result }: MulticlassReport): ReplyTable {
  const showAll = result.n <= MAX_TABLE_ROWS;
  const rows = showAll ? Array.from({ length: result.n }, (_, i) => i) : topIndices(result.perPoint, MAX_TABLE_ROWS);
  const columns = ['#', 'y', 'p(true)', 'loss', 'share'];
  return {
    columns,
    align: columns.map((c) => (c === '#' || c === 'y' ? 'left' : 'right')),
    rows: rows.map((i) => [
      String(i + 1),
      input.classes[input.labels[i] as number] ?? '',
      f(result.trueClassProb[i] as number),
      f(result.perPoint[i] as number),
      formatPercent(result.share[i] as number),
    ]),
    ...(showAll ? {} : { caption: `The ${MAX_TABLE_ROWS} costliest of ${formatCount(result.n)} points.` }),
  };
}

function data(input: MulticlassInput, report: MulticlassReport, gap: number, sklearnSorted: SortedReading | undefined): Record<string, unknown> {
  const { result, baseline, perClass } = report;
  const perPointIncluded = result.n <= MAX_JSON_POINTS;
  return {
    loss: result.loss,
    n: result.n,
    base: baseForJson(input.base),
    unit: BASE_WORDS[input.base].unit,
    input: 'p',
    classes: input.classes,
    ...(perPointIncluded
      ? {
          perPoint: Array.from(result.perPoint),
          trueClassProb: Array.from(result.trueClassProb),
          share: Array.from(result.share),
          y: Array.from(input.labels, (c) => input.classes[c]),
        }
      : { perPointOmitted: `per-point arrays are left out above ${formatCount(MAX_JSON_POINTS)} points` }),
    perClass: perClass.map((c, j) => ({ class: input.classes[j], count: c.count, share: c.share, meanLoss: c.meanLoss })),
    worst: topIndices(result.perPoint, NAMED_MISTAKES).map((i) => i + 1),
    clipped: result.clippedCount,
    renormalised: result.renormalisedRows,
    baseline: baseline.loss,
    classFrequencies: baseline.frequencies,
    gap,
    ...multiclassConventionData(input, report),
    ...(sklearnSorted ? { sklearnSortedLabels: sklearnSorted.classes, sklearnSortedLoss: sklearnSorted.loss } : {}),
  };
}


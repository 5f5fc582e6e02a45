import type { Answer, RunContext } from '../core/command.js';
import { formatCount, formatNumber } from '../core/format.js';
import { amount, counted } from '../core/wording.js';
import type { ReplyField, ReplyTable } from '../core/reply.js';
import { toBase, type DistributionReport, type AnyBase } from '../loss/index.js';
import type { DistributionInput, Reading } from '../core/input/distribution-input.js';
import { chartLabels } from '../charts/bound-label.js';
import { shownClasses } from '../charts/shown-classes.js';
import { entropyChartImages } from './entropy-charts.js';
import { describeRuledOut } from './infinite-reason.js';
import { MAX_TABLE_ROWS } from './table.js';
import { baseForJson, baseWords } from './units.js';

const f = (x: number) => formatNumber(x);

export interface EntropyRequest {
  input: DistributionInput;
  base: AnyBase;
}

export async function buildEntropyAnswer({ input, base }: EntropyRequest, report: DistributionReport, ctx: RunContext): Promise<Answer> {
  const words = baseWords(base);
  const u = (x: number) => amount(f(x), words.unit);
  const hasP = report.p !== undefined && report.crossEntropy !== undefined && report.kl !== undefined;
  const charts = await entropyChartImages(input, report, base, ctx);
  const infiniteReason = report.ruledOut ? describeRuledOut(report.q, report.ruledOut, base) : undefined;
  const title = hasP
    ? `Entropy ${f(report.entropy)}, cross-entropy ${f(report.crossEntropy as number)}, KL ${u(report.kl as number)}`
    : `Entropy H(q): ${u(report.entropy)}`;
  return {
    title,
    summary: [
      hasP
        ? `**H(q) = ${u(report.entropy)}, Hₚ(q) = ${u(report.crossEntropy as number)}, D(q‖p) = ${u(report.kl as number)}** (${words.name}).`
        : `**Entropy H(q) = ${u(report.entropy)}** (${words.name}).`,
      readingSentence(input),
      entropySentence(input, report, base),
      hasP ? crossEntropySentence(report, base, infiniteReason) : '',
      charts.note ?? '',
    ].filter((s) => s.length > 0).join('\n\n'),
    fields: fields(report, base, hasP),
    table: table(input, report),
    images: charts.images,
    data: {
      entropy: report.entropy,
      crossEntropy: report.crossEntropy ?? null,
      kl: report.kl ?? null,
      q: report.q,
      p: report.p ?? null,
      labels: input.labels,
      base: baseForJson(base),
      unit: words.unit,
      reading: { q: input.qReading, ...(input.pReading ? { p: input.pReading } : {}) },
      contributions: report.contributions,
      ...(infiniteReason ? { infiniteReason } : {}),
    },
  };
}

/**
 * Numbers that all look like probabilities but do not sum to 1 (`q=0.3,0.6`) are read as counts;
 * that is a surprise worth saying plainly, with the sum, since a typo is the likelier cause.
 */
function notSummingToOne(values: readonly number[] | undefined, reading: Reading | undefined): number | undefined {
  if (reading !== 'counts' || !values || !values.every((v) => v <= 1)) return undefined;
  return values.reduce((a, b) => a + b, 0);
}

function describeReading(name: string, reading: Reading, classes: number, values?: readonly number[]): string {
  const over = counted(classes, 'class', 'classes');
  switch (reading) {
    case 'probabilities':
      return '';
    case 'counts': {
      const sum = notSummingToOne(values, reading);
      if (sum !== undefined) return `${name} does not sum to 1 (it sums to ${f(sum)}), so it was read as counts over ${over} and normalised to sum to 1.`;
      return `${name} was read as counts over ${over} and normalised to sum to 1.`;
    }
    case 'labels':
      return `${name} was read as labels: each class's share of the tokens is its probability.`;
  }
}

/**
 * Class names as the answer prints them: bounded as on the charts (a pasted label of 40,000
 * combining marks would otherwise pad every row of the table to its width); `data` keeps them whole.
 */
function shownNames(input: DistributionInput): string[] {
  return chartLabels(input.labels);
}

function classOrder(input: DistributionInput): string {
  if (input.qReading !== 'labels' || input.pReading === 'labels' || !input.p) return '';
  const shown = shownNames(input).slice(0, 8).join(', ') + (input.labels.length > 8 ? ', …' : '');
  return ` p's numbers follow the classes in order of appearance: ${shown}.`;
}

function readingSentence(input: DistributionInput): string {
  const parts = [describeReading('q', input.qReading, input.labels.length, input.q), input.pReading ? describeReading('p', input.pReading, input.labels.length, input.p) : ''];
  const said = parts.filter((s) => s.length > 0);
  if (said.length === 0) return '';
  // Counting labels is the other reading of real counts (q=3,7), not of a mistyped q=0.3,0.6.
  const realCounts = input.qReading === 'counts' && notSummingToOne(input.q, input.qReading) === undefined;
  const hint = realCounts ? ' To count labels instead, write them as words (q=yes,no,yes).' : '';
  return `Note: ${said.join(' ')}${classOrder(input)}${hint}`;
}

/** Entropy as expected surprise, with the user's own classes. */
function entropySentence(input: DistributionInput, report: DistributionReport, base: AnyBase): string {
  const words = baseWords(base);
  const shown = shownNames(input).slice(0, 4).map((label, i) => {
    const q = report.q[i] as number;
    return q > 0 ? `class ${label} (q=${f(q)}) surprises by −${words.log} ${f(q)} = ${f(toBase(-Math.log(q), base))}` : `class ${label} never happens under q and adds nothing`;
  });
  const more = input.labels.length > 4 ? `, and ${formatCount(input.labels.length - 4)} more` : '';
  const max = toBase(Math.log(input.labels.length), base);
  return `Entropy is the average surprise of an outcome drawn from q: ${shown.join('; ')}${more}. Weighted by q they average to ${amount(f(report.entropy), words.unit)}; the most it can be for ${counted(input.labels.length, 'class', 'classes')} is ${words.log} ${formatCount(input.labels.length)} = ${amount(f(max), words.unit)}, when all are equally likely.`;
}

function crossEntropySentence(report: DistributionReport, base: AnyBase, infiniteReason: string | undefined): string {
  const words = baseWords(base);
  const ce = report.crossEntropy as number;
  const kl = report.kl as number;
  if (!Number.isFinite(kl)) {
    return `Cross-entropy Hₚ(q) and the KL divergence D(q‖p) are infinite: ${infiniteReason ?? 'p gives probability 0 to an outcome q can produce'}.`;
  }
  const check = ce >= report.entropy - 1e-12 ? '✓' : '✗';
  return `Cross-entropy Hₚ(q) is the average surprise when outcomes come from q but you expect p: ${amount(f(ce), words.unit)}. The extra ${amount(f(kl), words.unit)} over H(q) is the KL divergence D(q‖p), the price of believing p when the truth is q; it is 0 only when p = q. Check: Hₚ(q) = ${f(ce)} ≥ H(q) = ${f(report.entropy)} ${check} (Gibbs' inequality).`;
}

function fields(report: DistributionReport, base: AnyBase, hasP: boolean): ReplyField[] {
  const unit = baseWords(base).unit;
  const out: ReplyField[] = [{ name: 'Entropy H(q)', value: amount(f(report.entropy), unit), inline: true }];
  if (hasP) {
    out.push(
      { name: 'Cross-entropy Hₚ(q)', value: amount(f(report.crossEntropy as number), unit), inline: true },
      { name: 'KL divergence D(q‖p)', value: amount(f(report.kl as number), unit), inline: true },
    );
  }
  out.push({ name: 'Classes', value: formatCount(report.q.length), inline: true });
  return out;
}

function table(input: DistributionInput, report: DistributionReport): ReplyTable {
  const hasP = report.p !== undefined;
  const columns = ['class', 'q', ...(hasP ? ['p'] : []), 'H(q) part', ...(hasP ? ['Hₚ(q) part', 'KL part'] : [])];
  // The rows are the classes the chart draws: the likeliest ones when there are too many.
  const { indices, rest } = shownClasses(report.q, MAX_TABLE_ROWS);
  const names = chartLabels(indices.map((i) => input.labels[i] as string));
  return {
    columns,
    align: columns.map((c) => (c === 'class' ? 'left' : 'right')),
    rows: indices.map((i, row) => [
      names[row] as string,
      f(report.q[i] as number),
      ...(hasP ? [f(report.p?.[i] as number)] : []),
      f(report.contributions.entropy[i] as number),
      ...(hasP ? [f(report.contributions.crossEntropy?.[i] as number), f(report.contributions.kl?.[i] as number)] : []),
    ]),
    ...(rest.count > 0
      ? { caption: `The ${formatCount(indices.length)} likeliest of ${formatCount(input.labels.length)} classes; the other ${formatCount(rest.count)}: total q ${f(rest.q)}.` }
      : {}),
  };
}

import type { Answer, RunContext } from '../core/command.js';
import { formatCount, formatNumber } from '../core/format.js';
import type { DistributionRows } from '../core/input/distribution-rows.js';
import type { ReplyField, ReplyTable } from '../core/reply.js';
import { counted } from '../core/wording.js';
import { compareDistributions, type AnyBase, type DistributionReport } from '../loss/index.js';
import { MAX_TABLE_ROWS } from './table.js';
import { baseForJson, baseWords } from './units.js';

const f = (x: number) => formatNumber(x);
/** Values listed in a sentence before "…"; the table and data hold them all. */
const LISTED = 6;

export interface EntropyRowsRequest {
  rows: DistributionRows;
  base: AnyBase;
}

/**
 * 2-D /entropy, as scipy.stats.entropy(q, p, axis=…): one H(q) (and Hₚ(q), D(q‖p)) per column or
 * row. No charts: the per-class bars and the binary curve are drawings of one distribution, and
 * the table already lines up one number per distribution.
 */
export async function buildEntropyRowsAnswer({ rows, base }: EntropyRowsRequest, _ctx: RunContext): Promise<Answer> {
  const words = baseWords(base);
  const reports = rows.q.map((q, j) => compareDistributions(q, rows.p?.[j], base));
  const hasP = rows.p !== undefined;
  const each = rows.axis === 0 ? 'column' : 'row';
  const entropies = reports.map((r) => r.entropy);
  const crossEntropies = hasP ? reports.map((r) => r.crossEntropy as number) : null;
  const kls = hasP ? reports.map((r) => r.kl as number) : null;
  return {
    title: `${hasP ? 'Entropy, cross-entropy and KL' : 'Entropy H(q)'} of ${counted(reports.length, each)} (axis=${rows.axis}), in ${words.unit}`,
    summary: [
      `**H(q) per ${each}: ${listed(entropies, words.unit)}**${hasP ? `; **Hₚ(q): ${listed(crossEntropies ?? [], words.unit)}**; **D(q‖p): ${listed(kls ?? [], words.unit)}**` : ''} (${words.name}).`,
      axisSentence(rows),
      readingSentence(rows),
      hasP ? infiniteSentence(reports, each) : '',
    ].filter((s) => s.length > 0).join('\n\n'),
    fields: fields(rows, reports.length, each),
    table: table(reports, each, hasP),
    images: [],
    data: {
      entropy: entropies,
      crossEntropy: crossEntropies,
      kl: kls,
      axis: rows.axis,
      shape: rows.shape,
      q: reports.map((r) => r.q),
      p: hasP ? reports.map((r) => r.p ?? []) : null,
      labels: (reports[0]?.q ?? []).map((_, i) => String(i + 1)),
      base: baseForJson(base),
      unit: words.unit,
      reading: { q: rows.qReading, ...(rows.pReading ? { p: rows.pReading } : {}) },
      contributions: reports.map((r) => r.contributions),
    },
  };
}

function listed(values: readonly number[], unit: string): string {
  const shown = values.slice(0, LISTED).map(f).join(', ');
  return `${shown}${values.length > LISTED ? ', …' : ''} ${unit}`;
}

function axisSentence(rows: DistributionRows): string {
  const [r, c] = rows.shape;
  const written = `q is ${counted(r, 'row')} of ${formatCount(c)}`;
  if (rows.axis === 0) {
    const how = rows.axisGiven ? 'axis=0, scipy.stats.entropy\'s default' : 'axis=0 (the default, as in scipy.stats.entropy)';
    return `${how}: ${written}, and each column is one distribution over ${counted(r, 'class', 'classes')}, normalised to sum to 1 down the column; give axis=1 to take each row instead.`;
  }
  return `axis=1: ${written}, and each row is one distribution over ${counted(c, 'class', 'classes')}, normalised to sum to 1 along the row, as scipy.stats.entropy(q, axis=1); scipy's default, axis=0, would take the columns.`;
}

function readingSentence(rows: DistributionRows): string {
  const each = rows.axis === 0 ? 'column' : 'row';
  const parts: string[] = [];
  for (const [name, readings] of [['q', rows.qReading], ['p', rows.pReading]] as const) {
    const counts = (readings ?? []).map((r, j) => (r === 'counts' ? j + 1 : 0)).filter((j) => j > 0);
    if (counts.length === 0) continue;
    if (counts.length === readings?.length) {
      parts.push(`no ${each} of ${name} sums to 1, so each was read as counts and normalised.`);
      continue;
    }
    const which = `${name}'s ${each}${counts.length === 1 ? '' : 's'} ${counts.slice(0, LISTED).join(', ')}${counts.length > LISTED ? ', …' : ''}`;
    parts.push(`${which} ${counts.length === 1 ? 'does' : 'do'} not sum to 1, so ${counts.length === 1 ? 'it was' : 'they were'} read as counts and normalised.`);
  }
  if (rows.rowsSumToOne) parts.push('Each row of q sums to 1: if the rows are your distributions, add axis=1.');
  return parts.length > 0 ? `Note: ${parts.join(' ')}` : '';
}

function infiniteSentence(reports: readonly DistributionReport[], each: string): string {
  const infinite = reports.map((r, j) => (r.ruledOut ? j + 1 : 0)).filter((j) => j > 0);
  if (infinite.length === 0) return '';
  const which = `${each}${infinite.length === 1 ? '' : 's'} ${infinite.slice(0, LISTED).join(', ')}${infinite.length > LISTED ? ', …' : ''}`;
  return `Hₚ(q) and D(q‖p) are infinite for ${which}: there p gives probability 0 to a class q produces.`;
}

function fields(rows: DistributionRows, n: number, each: string): ReplyField[] {
  const classes = rows.q[0]?.length ?? 0;
  return [
    { name: 'Distributions', value: `${formatCount(n)} (one per ${each})`, inline: true },
    { name: 'Classes', value: formatCount(classes), inline: true },
    { name: 'Axis', value: `${rows.axis}${rows.axis === 0 ? ' (scipy default)' : ''}`, inline: true },
  ];
}

function table(reports: readonly DistributionReport[], each: string, hasP: boolean): ReplyTable {
  const columns = [each, 'H(q)', ...(hasP ? ['Hₚ(q)', 'KL'] : [])];
  const shown = reports.slice(0, MAX_TABLE_ROWS);
  return {
    columns,
    align: columns.map((c) => (c === each ? 'left' : 'right')),
    rows: shown.map((r, j) => [String(j + 1), f(r.entropy), ...(hasP ? [f(r.crossEntropy as number), f(r.kl as number)] : [])]),
    ...(reports.length > shown.length ? { caption: `The first ${formatCount(shown.length)} of ${formatCount(reports.length)} ${each}s; data holds them all.` } : {}),
  };
}

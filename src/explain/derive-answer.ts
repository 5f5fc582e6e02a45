import type { Answer, RunContext } from '../core/command.js';
import { formatNumber } from '../core/format.js';
import { amount } from '../core/wording.js';
import type { ReplyImage, ReplyStep } from '../core/reply.js';
import type { Derivation, DerivationStep, DeriveNumbers, Topic } from '../derive/derivation.js';
import { RenderError, type EquationJob } from '../core/render-jobs.js';
import { likelihoodCurvesSpec } from '../charts/specs/likelihood-curves.js';
import { pageButtons } from '../core/paging.js';
import { drawCharts, type DrawnCharts } from './draw-charts.js';

export interface DeriveRequest {
  topic: Topic;
  numbers?: DeriveNumbers;
  /** Tokens of p written as percentages; the reply says they were converted. */
  percentTokens: number;
  /** The canonical command line that reproduces this answer (for stateless paging). */
  line: string;
}

/** The TeX lines a step's image stacks: the general formula, then the user's numbers, wrapped. */
function texLines(step: DerivationStep): string[] {
  return [step.equation, ...(step.plugged ? [step.plugged] : [])].flatMap((e) => (e.lines ?? [e]).map((line) => line.tex));
}

/** A step's lines as one TeX block (the image stacks the same lines). */
function stepTex(step: DerivationStep): string {
  const [formula, ...numbers] = texLines(step);
  return numbers.length > 0 ? `\\begin{gathered} ${formula} \\\\[6pt] ${numbers.join(' \\\\ ')} \\end{gathered}` : (formula ?? '');
}

function stepUnicode(step: DerivationStep): string {
  return step.plugged ? `${step.equation.unicode}\n${step.plugged.unicode}` : step.equation.unicode;
}

const noCharts: DrawnCharts = { images: [] };

/**
 * The steps whose pictures are drawn: the one the adapter shows when the answer pages, else all.
 * An equation takes ~8 ms to typeset, a derivation has 4-6, and a reader paging through one sees
 * one at a time.
 */
function stepsShown(request: DeriveRequest, count: number, ctx: RunContext): Set<number> {
  const all = new Set(Array.from({ length: count }, (_, k) => k));
  if (ctx.showStep === undefined || pageButtons(request.line, 0, count) === undefined) return all;
  return new Set([Math.min(Math.max(0, ctx.showStep), count - 1)]);
}

export async function buildDeriveAnswer(request: DeriveRequest, ctx: RunContext): Promise<Answer> {
  const { topic, numbers } = request;
  const derivation = topic.derive(numbers);
  const shown = stepsShown(request, derivation.steps.length, ctx);
  // The chart goes with the first step (the adapters show it on the opening page).
  const [typeset, chart] = await Promise.all([typesetSteps(topic, derivation, shown, ctx), shown.has(0) ? likelihoodChart(request, derivation, ctx) : noCharts]);
  const steps: ReplyStep[] = derivation.steps.map((step, k) => {
    const image = typeset.byStep.get(k);
    return { title: step.title, text: step.text, tex: stepTex(step), unicode: stepUnicode(step), ...(image ? { image } : {}) };
  });
  const result = derivation.result;
  return {
    title: derivation.title ?? topic.title,
    summary: [
      `**${derivation.blurb ?? topic.blurb}**`,
      result ? `With your numbers the derivation ends at **${result.symbol} = ${withUnit(formatNumber(result.value), result.unit)}** (${result.name}).` : '',
      numbers ? '' : `Add your own numbers to see them in every step, for example \`/derive topic=${topic.name} ${topic.needs === 'probabilities' ? 'p=0.85' : 'y=1 p=0.85'}\`.`,
      request.percentTokens > 0 ? `Percentages in p were read as fractions (85% → 0.85).` : '',
      typeset.note ?? '',
      chart.note ?? '',
    ].filter((s) => s.length > 0).join('\n\n'),
    fields: [
      { name: 'Topic', value: topic.name, inline: true },
      { name: 'Steps', value: String(steps.length), inline: true },
      ...(result ? [{ name: 'Result', value: `${result.symbol} = ${withUnit(formatNumber(result.value, 6), result.unit)}`, inline: true }] : []),
    ],
    images: [...typeset.byStep.values(), ...chart.images],
    steps,
    paging: { line: request.line },
    data: {
      topic: topic.name,
      steps: derivation.steps.map((step, k) => ({
        title: step.title,
        text: step.text,
        tex: stepTex(step),
        unicode: stepUnicode(step),
        ...(step.check ? { check: step.check } : {}),
        ...(typeset.byStep.has(k) ? { image: typeset.byStep.get(k)?.filename } : {}),
      })),
      result: result?.value ?? null,
      resultName: result?.name ?? null,
      unit: result?.unit || null,
      ...(numbers ? { inputs: inputsForJson(numbers, topic) } : {}),
    },
  };
}

function inputsForJson(numbers: DeriveNumbers, topic: Topic): Record<string, number[] | number[][]> {
  const { classes } = numbers;
  if (classes) {
    const rows = (values: Float64Array) => Array.from({ length: numbers.y.length }, (_, i) => Array.from(values.subarray(i * classes.k, (i + 1) * classes.k)));
    return { y: Array.from(numbers.y), p: rows(classes.p), ...(classes.logits ? { logits: rows(classes.logits) } : {}) };
  }
  return {
    ...(topic.needs === 'labels-and-probabilities' ? { y: Array.from(numbers.y) } : {}),
    p: Array.from(numbers.p),
    ...(numbers.logits ? { logits: Array.from(numbers.logits) } : {}),
  };
}

/** The bce and cross-entropy topics with numbers: likelihood and loss as functions of p, with the points. */
async function likelihoodChart(request: DeriveRequest, derivation: Derivation, ctx: RunContext): Promise<DrawnCharts> {
  const { topic, numbers } = request;
  if (!numbers || !derivation.result || (topic.name !== 'bce' && topic.name !== 'cross-entropy')) return noCharts;
  const loss = derivation.result.value;
  return drawCharts(
    [{
      kind: 'likelihood-curves',
      spec: likelihoodCurvesSpec({ y: numbers.y, p: numbers.p, loss }, ctx.theme),
      filename: `derive-${topic.name}-likelihood.png`,
      alt: `Likelihood and loss as functions of the predicted probability p, for each class; your ${numbers.y.length === 1 ? 'point sits' : `${numbers.y.length} points sit`} on the loss curve, mean ${amount(formatNumber(loss), 'nats')}.`,
    }],
    ctx,
  );
}

/** Equations as PNGs by step; failing to typeset costs the pictures, not the derivation (the Unicode stays). */
async function typesetSteps(topic: Topic, derivation: Derivation, shown: ReadonlySet<number>, ctx: RunContext): Promise<{ byStep: Map<number, ReplyImage>; note?: string }> {
  if (!ctx.renderEquations) return { byStep: new Map() };
  const indices = derivation.steps.flatMap((_, k) => (shown.has(k) ? [k] : []));
  const jobs: EquationJob[] = indices.map((k) => {
    const step = derivation.steps[k] as DerivationStep;
    return {
      lines: texLines(step),
      theme: ctx.theme,
      filename: `derive-${topic.name}-step-${k + 1}.png`,
      alt: `Step ${k + 1}, ${step.title}: ${[step.equation, ...(step.plugged ? [step.plugged] : [])].map((e) => e.unicode.replaceAll('\n', ' ')).join('; ')}`,
    };
  });
  try {
    const images = await ctx.renderEquations(jobs, ctx.signal);
    return { byStep: new Map(images.map((image, i) => [indices[i] as number, image])) };
  } catch (error) {
    if (error instanceof RenderError) return { byStep: new Map(), note: `Note: the equations are shown as text this time. ${error.message}` };
    throw error;
  }
}

/** A result's number and its unit, if it has one ("" for a gradient or a ratio). */
function withUnit(shown: string, unit: string): string {
  return unit ? amount(shown, unit) : shown;
}

import { commands } from '../../commands/index.js';
import type { RunContext } from '../core/command.js';
import { Dispatcher } from '../core/dispatch.js';
import { createLogger } from '../core/logger.js';
import { CommandRegistry } from '../core/registry.js';
import { RenderError, type ChartJob, type CommandJob, type EquationJob, type Theme } from '../core/render-jobs.js';
import type { Reply, ReplyImage } from '../core/reply.js';

/** How a worker draws in its own thread: the same functions its chart and equation tasks run. */
export interface InThreadDrawing {
  chart(spec: Record<string, unknown>, scale: number): Promise<Uint8Array>;
  equation(lines: readonly string[], theme: Theme, scale: number): Promise<Uint8Array>;
}

let dispatcher: Dispatcher | undefined;

/** One per worker: the registry checks the command list once, as the main thread's does. */
function workerDispatcher(): Dispatcher {
  // An internal error inside a worker is logged here, with the reference id the asker is given.
  dispatcher ??= new Dispatcher(new CommandRegistry(commands), createLogger('error'));
  return dispatcher;
}

async function drawEach<J extends { filename: string; alt: string }>(jobs: readonly J[], draw: (job: J) => Promise<Uint8Array>): Promise<ReplyImage[]> {
  const images: ReplyImage[] = [];
  for (const job of jobs) {
    try {
      images.push({ filename: job.filename, alt: job.alt, png: await draw(job) });
    } catch (error) {
      throw new RenderError(`The image "${job.filename}" could not be drawn: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return images;
}

/**
 * A command run start to finish in a render worker: the checks that need its files (a CSV's
 * columns and cells), the computation, the wording, and its pictures drawn in this same thread.
 */
export async function runCommandTask(job: CommandJob, scale: number, draw: InThreadDrawing): Promise<Reply> {
  const ctx: RunContext = {
    theme: job.theme,
    ...(job.showStep === undefined ? {} : { showStep: job.showStep }),
    ...(job.pictures
      ? {
          renderCharts: (jobs: readonly ChartJob[]) => drawEach(jobs, (chart) => draw.chart(chart.spec, scale)),
          renderEquations: (jobs: readonly EquationJob[]) => drawEach(jobs, (equation) => draw.equation(equation.lines, equation.theme, scale)),
        }
      : {}),
  };
  const defaults = job.defaults;
  const validation = workerDispatcher().validate(job.input, defaults ? () => defaults : undefined);
  if (!validation.ok) return validation.reply;
  return workerDispatcher().runValidated(validation.value, new Map(Object.entries(job.files)), ctx);
}

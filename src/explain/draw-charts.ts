import { RenderError, type ChartJob } from '../core/render-jobs.js';
import type { RunContext } from '../core/command.js';
import type { ReplyImage } from '../core/reply.js';

export interface DrawnCharts {
  images: ReplyImage[];
  /** Said in the answer when the charts failed: the numbers still stand. */
  note?: string;
}

/**
 * Renders an answer's charts. A chart that fails or times out costs the pictures, not the answer:
 * the numbers are already computed, so the reply keeps them and says what happened.
 */
export async function drawCharts(jobs: ChartJob[], ctx: RunContext): Promise<DrawnCharts> {
  if (!ctx.renderCharts || jobs.length === 0) return { images: [] };
  try {
    return { images: await ctx.renderCharts(jobs, ctx.signal) };
  } catch (error) {
    if (error instanceof RenderError) return { images: [], note: `Note: no charts this time. ${error.message}` };
    throw error;
  }
}

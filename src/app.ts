import { commands } from '../commands/index.js';
import { createChartRenderer, type ChartRenderer } from './charts/renderer.js';
import type { RunContext } from './core/command.js';
import { DEFAULT_LIMITS, type Limits } from './config.js';
import { Dispatcher } from './core/dispatch.js';
import { RequestGuard } from './core/request-guard.js';
import type { Logger } from './core/logger.js';
import { CommandRegistry } from './core/registry.js';

/** The platform-neutral bot: commands, dispatch and the chart pool. Adapters get one of these. */
export interface Lossbot {
  dispatcher: Dispatcher;
  /** Rate limits, the bounded queue and the timeout every chat adapter answers through. */
  guard: RequestGuard;
  /** RunContext pieces every adapter shares; adapters add theme and file reading. */
  renderCharts: RunContext['renderCharts'];
  /**
   * The RunContext for one request: the shared renderers plus what the adapter adds. `pictures:
   * false` leaves the renderers out, for a reply that shows none (Slack re-posts a derivation's
   * page as blocks; its images were uploaded with the first answer).
   */
  context(theme: RunContext['theme'], extras?: ContextExtras): RunContext;
  /** Resolves when the render workers are up; a bot awaits it before it logs in. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface ContextExtras {
  readCsv?: RunContext['readCsv'];
  showStep?: number;
  pictures?: boolean;
}

export interface LossbotOptions {
  logger: Logger;
  /** Draw charts and typeset equations (a worker pool starts); off for text-only uses. */
  charts: boolean;
  chartThreads?: number | undefined;
  limits?: Limits;
  /** Warm the render workers at start (long-running bots); the one-shot CLI skips it. */
  warmUp?: boolean;
}

export function createLossbot(options: LossbotOptions): Lossbot {
  const dispatcher = new Dispatcher(new CommandRegistry(commands), options.logger);
  const renderer: ChartRenderer | undefined = options.charts
    ? createChartRenderer({ warmUp: options.warmUp ?? false, ...(options.chartThreads === undefined ? {} : { threads: options.chartThreads }) })
    : undefined;
  const renderCharts: RunContext['renderCharts'] = renderer ? (jobs, signal) => renderer.render(jobs, signal) : undefined;
  const renderEquations: RunContext['renderEquations'] = renderer ? (jobs, signal) => renderer.renderEquations(jobs, signal) : undefined;
  const guard = new RequestGuard({ logger: options.logger, ...(options.limits ?? DEFAULT_LIMITS) });
  return {
    dispatcher,
    guard,
    renderCharts,
    context: (theme, { readCsv, showStep, pictures = true } = {}) => ({
      theme,
      ...(renderCharts && pictures ? { renderCharts } : {}),
      ...(renderEquations && pictures ? { renderEquations } : {}),
      ...(readCsv ? { readCsv } : {}),
      ...(showStep === undefined ? {} : { showStep }),
    }),
    ready: async () => {
      await renderer?.ready();
    },
    close: async () => {
      await renderer?.close();
    },
  };
}

import type { ChartJob, Theme } from '../core/render-jobs.js';
import { entropyCharts, loglossCharts } from '../charts/chart-sets.js';
import { reliabilityChart } from '../charts/reliability-chart.js';
import { calibrationInput, entropyInput, fitInput, pointsInput } from '../charts/sample-inputs.js';
import { beginWarmUpStep, endWarmUpStep, type WarmUpControl } from './warm-up-control.js';

/**
 * One chart of every kind in both themes: drawn by each render thread, so later students do not
 * wait for Vega-Lite to compile each kind and V8 to optimise the hot paths (the first chart of a
 * kind takes ~10x a warm one).
 */
export function warmUpJobs(): ChartJob[] {
  return (['dark', 'light'] as Theme[]).flatMap((theme) => [
    ...loglossCharts(pointsInput(), theme),
    ...loglossCharts(fitInput(), theme),
    ...entropyCharts(entropyInput(['1', '2'], [0.3, 0.7], [0.5, 0.5]), theme),
    ...entropyCharts(entropyInput(['a', 'b', 'c'], [0.2, 0.3, 0.5], [0.4, 0.4, 0.2]), theme),
    reliabilityChart(calibrationInput(), theme, ''),
  ]);
}

const WARM_UP_TEX = 'L = -\\frac{1}{N} \\sum_{i=1}^{N} \\ln q_i';

export interface WarmUpOptions {
  /** Times the whole set is drawn. */
  rounds: number;
  charts: readonly ChartJob[];
  drawChart(job: ChartJob): Promise<unknown>;
  drawEquation(tex: string, theme: Theme): Promise<unknown>;
  /** Whether this thread has loaded MathJax for a real equation (warm-up never loads it alone, unless asked to finish). */
  equationsLoaded(): boolean;
  /** A thread warms up only once it has had no task for this long. */
  idleMs: number;
  /** The pool retires a thread idle this long: no step starts in the second half of it. */
  idleTimeoutMs: number;
  control?: WarmUpControl | undefined;
  /** Injectable so tests drive time without sleeping. */
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => Timer;
}

export interface Timer {
  cancel(): void;
}

function nodeTimer(run: () => void, ms: number): Timer {
  const timer = setTimeout(run, ms);
  return { cancel: () => clearTimeout(timer) };
}

/**
 * A render thread's warm-up, drawn one step (one chart, or the equations) at a time while the
 * thread has nothing else to do, so that no student waits for it: a task that arrives mid-step
 * waits for that one step (~10 ms once warm), never for the rounds. `finish` draws what is left
 * at once, for a caller that asked for warm threads (the load test).
 */
export class IdleWarmUp {
  readonly #options: WarmUpOptions;
  readonly #now: () => number;
  readonly #setTimer: (run: () => void, ms: number) => Timer;
  #step = 0;
  #tasks = 0;
  #lastTaskEnd: number;
  #drawing: Promise<unknown> | undefined;
  #timer: Timer | undefined;

  constructor(options: WarmUpOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => performance.now());
    this.#setTimer = options.setTimer ?? nodeTimer;
    this.#lastTaskEnd = this.#now();
  }

  /** Steps per round: every chart, then the equations. */
  get #perRound(): number {
    return this.#options.charts.length + 1;
  }

  get done(): boolean {
    return this.#step >= this.#options.rounds * this.#perRound;
  }

  /** After the thread has loaded: the first step waits for a quiet moment like any other. */
  start(): void {
    this.#lastTaskEnd = this.#now();
    this.#schedule(this.#options.idleMs);
  }

  /** Before a task: no new step starts, and the task waits for the one being drawn. */
  async taskStarting(): Promise<void> {
    this.#tasks += 1;
    this.#timer?.cancel();
    this.#timer = undefined;
    await this.#drawing;
  }

  taskEnded(): void {
    this.#tasks -= 1;
    this.#lastTaskEnd = this.#now();
    this.#schedule(this.#options.idleMs);
  }

  /** Draws every step left now (equations included), for at most `budgetMs`. Call between taskStarting and taskEnded. */
  async finish(budgetMs: number): Promise<void> {
    const until = this.#now() + budgetMs;
    while (!this.done && this.#now() < until) await this.#draw(true);
  }

  #schedule(delayMs: number): void {
    if (this.done || this.#timer || this.#tasks > 0) return;
    this.#timer = this.#setTimer(() => {
      this.#timer = undefined;
      if (this.#tasks > 0 || this.#drawing || this.#now() - this.#lastTaskEnd > this.#options.idleTimeoutMs / 2) return;
      if (!beginWarmUpStep(this.#options.control)) return;
      this.#drawing = this.#draw(false).finally(() => {
        endWarmUpStep(this.#options.control);
        this.#drawing = undefined;
        this.#schedule(0);
      });
    }, delayMs);
  }

  async #draw(loadEquations: boolean): Promise<void> {
    const index = this.#step % this.#perRound;
    this.#step += 1;
    const chart = this.#options.charts[index];
    try {
      if (chart) await this.#options.drawChart(chart);
      else if (loadEquations || this.#options.equationsLoaded()) {
        for (const theme of ['dark', 'light'] as const) await this.#options.drawEquation(WARM_UP_TEX, theme);
      }
    } catch {
      // A warm-up picture that fails is a real chart's problem, and a real request will report it.
    }
  }
}

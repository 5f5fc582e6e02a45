import { commands } from '../commands/index.js';
import type { Progress } from './core/progress.js';
import type { Renderer } from './core/render-jobs.js';
import { createRenderer, type RenderService } from './render/renderer.js';
import type { RenderListener } from './render/render-watch.js';
import { DEFAULT_LIMITS, type Limits, type RenderHeap } from './config.js';
import { Dispatcher } from './core/dispatch.js';
import type { Logger } from './core/logger.js';
import type { IncomingRequest, PlatformVerbs } from './core/platform-verbs.js';
import { CommandRegistry } from './core/registry.js';
import { RequestGuard } from './core/request-guard.js';
import { RequestServer, type DrainReport, type FinishedRequest, type Outcome, type Renderers } from './core/serve.js';
import type { ServerActivity } from './core/server-activity.js';
import type { SettingsSource } from './core/server-settings.js';

/** The platform-neutral bot: commands, the request protocol and the render pool. Adapters get one of these. */
export interface Lossbot {
  registry: CommandRegistry;
  /** Answers an internal failure in an adapter's own code: logged with a reference id, an apology to show. */
  dispatcher: Dispatcher;
  /** One request, start to finish, through the core's protocol with the adapter's verbs. */
  serve(request: IncomingRequest, verbs: PlatformVerbs): Promise<Outcome>;
  /** Shutdown: refuse new requests, finish or apologise for the acknowledged ones. */
  drain(ms: number, apologyMs?: number): Promise<DrainReport>;
  /** Resolves when the render workers are up; a bot awaits it before it logs in. */
  ready(): Promise<void>;
  /** Requests admitted and not finished (the queue-load gauge). */
  load(): number;
  /** The render service's own health (render-watch.ts); undefined where this bot made none. */
  renderHealth(): string | undefined;
  close(): Promise<void>;
}

export interface LossbotOptions {
  logger: Logger;
  /** Draw charts and typeset equations (a worker pool starts); off for text-only uses. */
  charts: boolean;
  chartThreads?: number | undefined;
  limits?: Limits;
  /** Warm the render workers at start (long-running bots); the one-shot CLI skips it. */
  warmUp?: boolean;
  /** A long-running bot's render heaps: 'compact' (default) holds them near their live size, 'fast' leaves V8's sizing. */
  renderHeap?: RenderHeap;
  /** Where practice progress is kept (src/store/); absent: answers are checked but not saved. */
  progress?: Progress;
  /** Per-server settings and activity (src/store/store-server.ts); absent: every server has the defaults. */
  server?: SettingsSource & ServerActivity;
  docsUrl?: string | undefined;
  /** A render service made already (the CLI starts its thread before it loads the rest); `charts` and `chartThreads` then do not apply. */
  renderer?: Renderer | undefined;
  /** Told of every finished request (the metrics, the usage counts); a listener that throws is ignored. */
  onFinished?: ReadonlyArray<(event: FinishedRequest) => void>;
  /** Told of every picture a render thread finished (the render-time metric). */
  onRendered?: RenderListener;
}

export function createLossbot(options: LossbotOptions): Lossbot {
  const registry = new CommandRegistry(commands);
  const dispatcher = new Dispatcher(registry, options.logger);
  const limits = options.limits ?? DEFAULT_LIMITS;
  const own: RenderService | undefined = !options.renderer && options.charts
    ? createRenderer({
      warmUp: options.warmUp ?? false,
      compactHeap: (options.warmUp ?? false) && options.renderHeap !== 'fast',
      ...(options.chartThreads === undefined ? {} : { threads: options.chartThreads }),
      ...(options.onRendered ? { onRendered: options.onRendered } : {}),
    })
    : undefined;
  const renderer: Renderer | undefined = options.renderer ?? own;
  const renderers: Renderers = renderer
    ? {
      renderCharts: (jobs, signal) => renderer.renderCharts(jobs, signal),
      renderEquations: (jobs, signal) => renderer.renderEquations(jobs, signal),
      ...(renderer.runCommand ? { runCommand: renderer.runCommand } : {}),
    }
    : {};
  const guard = new RequestGuard({ concurrency: limits.concurrency, maxQueued: limits.maxQueued, user: limits.user, channel: limits.channel, click: limits.click });
  const server = new RequestServer({ dispatcher, guard, logger: options.logger, timeoutMs: limits.timeoutMs, renderers, ...(options.progress ? { progress: options.progress } : {}),
    ...(options.server ? { settings: options.server, activity: options.server } : {}), ...(options.onFinished ? { onFinished: options.onFinished } : {}), ...(options.docsUrl ? { docsUrl: options.docsUrl } : {}) });
  return {
    registry,
    dispatcher,
    serve: (request, verbs) => server.serve(request, verbs),
    drain: (ms, apologyMs) => server.drain(ms, apologyMs),
    ready: async () => {
      await renderer?.ready();
    },
    load: () => guard.load,
    renderHealth: () => own?.health(),
    // A render service passed in belongs to the caller, who closes it.
    close: async () => {
      if (!options.renderer) await renderer?.close();
    },
  };
}

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { FinishedRequest, Outcome } from '../core/serve.js';
import type { StoreOperation } from '../store/store-progress.js';

/**
 * Seconds. Slash commands answer in ~5 ms (text only) to a few seconds (a million-row CSV, a
 * chart on a cold thread ~0.5 s); COMMAND_TIMEOUT_MS caps them at 10 s by default and at most
 * 600 s, so the top buckets are 10 and 30 s and anything beyond lands in +Inf.
 */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** A chart draws in ~10 ms plus ~55 ms PNG encoding (DESIGN.md), a cold thread adds ~0.5 s, the per-picture limit is 10 s. */
export const RENDER_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What a render thread was asked to do (render-worker.ts' kinds of work, warm-up left out). */
export type RenderKind = 'chart' | 'equation' | 'command';

const PLATFORMS = new Set(['discord', 'slack', 'cli']);
const REFUSALS = new Set<Outcome>(['busy', 'rate-limited', 'restarting']);

export interface MetricsOptions {
  /** The command names the registry holds: the only values the `command` label takes, besides "unknown". */
  commands: readonly string[];
  /** prom-client's process and Node.js metrics (RSS, heap, event-loop lag); off in tests that make many registries. */
  processMetrics?: boolean;
}

/**
 * The bot's Prometheus metrics, in a registry of their own (never prom-client's global one, so a
 * test can make several). Every label value comes from a closed set: platform names, the
 * registry's command names, the `Outcome` type. A user id or a typed text never becomes a label,
 * so the number of series stays bounded whatever users type.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly #commands: ReadonlySet<string>;
  readonly #requests: Counter<'platform' | 'command' | 'kind' | 'outcome'>;
  readonly #refused: Counter<'platform' | 'reason'>;
  readonly #latency: Histogram<'platform' | 'command'>;
  readonly #render: Histogram<'kind' | 'result'>;
  readonly #databaseErrors: Counter<'operation'>;
  #queueLoad: () => number = () => 0;

  constructor(options: MetricsOptions) {
    this.#commands = new Set(options.commands);
    const registers = [this.registry];
    this.#requests = new Counter({ name: 'lossbot_requests_total', help: 'Requests finished, by platform, command, kind (command or click) and outcome.', labelNames: ['platform', 'command', 'kind', 'outcome'], registers });
    this.#refused = new Counter({ name: 'lossbot_refused_total', help: 'Requests refused before any work: busy (queue full), rate-limited, restarting (shutting down).', labelNames: ['platform', 'reason'], registers });
    this.#latency = new Histogram({ name: 'lossbot_request_duration_seconds', help: 'From a request reaching the core to its answer delivered (or its refusal), by platform and command.', labelNames: ['platform', 'command'], buckets: LATENCY_BUCKETS, registers });
    const load = () => this.#queueLoad();
    new Gauge({ name: 'lossbot_queue_load', help: 'Requests admitted and not finished: computing, waiting in the queue or reserved (MAX_CONCURRENT + MAX_QUEUED at most).', registers, collect() { this.set(load()); } });
    this.#render = new Histogram({ name: 'lossbot_render_duration_seconds', help: 'Time a render thread took for one chart, equation or whole command (file inputs), including a cold thread\'s start.', labelNames: ['kind', 'result'], buckets: RENDER_BUCKETS, registers });
    this.#databaseErrors = new Counter({ name: 'lossbot_database_errors_total', help: 'Database operations that failed, by operation (the health probe\'s SELECT 1 is not counted).', labelNames: ['operation'], registers });
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** A ServeOptions.onFinished listener. */
  readonly requestFinished = (event: FinishedRequest): void => {
    const platform = PLATFORMS.has(event.platform) ? event.platform : 'other';
    const command = this.#commands.has(event.command) ? event.command : 'unknown';
    this.#requests.inc({ platform, command, kind: event.kind, outcome: event.outcome });
    if (REFUSALS.has(event.outcome)) this.#refused.inc({ platform, reason: event.outcome });
    if (Number.isFinite(event.latencyMs) && event.latencyMs >= 0) this.#latency.observe({ platform, command }, event.latencyMs / 1000);
  };

  readonly rendered = (kind: RenderKind, ms: number, ok: boolean): void => {
    if (Number.isFinite(ms) && ms >= 0) this.#render.observe({ kind, result: ok ? 'ok' : 'failed' }, ms / 1000);
  };

  readonly databaseFailed = (operation: StoreOperation): void => {
    this.#databaseErrors.inc({ operation });
  };

  /** The queue gauge reads this at every scrape (RequestGuard.load), so it is never stale. */
  watchQueue(load: () => number): void {
    this.#queueLoad = load;
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}

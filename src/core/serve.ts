import { randomUUID } from 'node:crypto';
import type { RunContext } from './command.js';
import type { Progress } from './progress.js';
import type { Renderer } from './render-jobs.js';
import { fetchFiles, userErrorReply, type Dispatcher, type Validated } from './dispatch.js';
import type { Logger } from './logger.js';
import { messages } from './messages.js';
import { PendingAnswer, type Settlement } from './pending-answer.js';
import type { Delivery, IncomingRequest, PlatformVerbs } from './platform-verbs.js';
import type { Reply } from './reply.js';
import { refusal, type RequestGuard } from './request-guard.js';
import { within } from './within.js';
import type { ServerActivity } from './server-activity.js';
import { defaultOptions, refusedHere, type ServerView, type SettingsSource } from './server-settings.js';
import { SettingsLookup } from './settings-lookup.js';

/** The render service's offers; absent where no pictures are drawn. */
export type Renderers = Pick<RunContext, 'renderCharts' | 'renderEquations'> & Pick<Renderer, 'runCommand'>;

export interface ServeOptions {
  dispatcher: Dispatcher;
  guard: RequestGuard;
  logger: Logger;
  /** Fetching the files, computing and rendering, per request. */
  timeoutMs: number;
  renderers: Renderers;
  /** Where practice progress is kept; absent without a database. */
  progress?: Progress;
  /** Where per-server settings are kept; absent without a database (every server has the defaults). */
  settings?: SettingsSource;
  /** The servers' practice and command counts; absent without a database. */
  activity?: ServerActivity;
  /** Where the README is published (config LOSSBOT_DOCS_URL). */
  docsUrl?: string;
  /** Told of every request as it ends (metrics, usage counts); a listener that throws is ignored. */
  onFinished?: ReadonlyArray<(event: FinishedRequest) => void>;
  now?: () => number;
}

/** A request as it ended, for whoever counts them: no user id, no text. */
export interface FinishedRequest {
  platform: string;
  serverId: string;
  command: string;
  kind: 'command' | 'click';
  outcome: Outcome;
  latencyMs: number;
  /** Requests admitted and not yet finished, this one excluded. */
  queueLoad: number;
}

/** How a request ended, as its log line says. */
export type Outcome = 'answered' | 'user-error' | 'rate-limited' | 'busy' | 'restarting' | 'timeout' | 'internal-error' | 'not-acknowledged' | 'undelivered';

export interface DrainReport {
  /** Every acknowledged request got its result, or a clear error, within the drain time. */
  finished: boolean;
  /** Acknowledged requests told "lossbot is restarting" because their work did not finish in time. */
  apologized: number;
  /** Final answers the platform did not accept (logged one by one). */
  undelivered: number;
}

/**
 * The one request protocol every adapter uses: parse and validate -> admit (rate limits, the
 * bounded queue) -> acknowledge -> fetch the files -> compute and render -> deliver. The timeout,
 * cancellation and the shutdown drain live here too, so no adapter can download before admission
 * or acknowledge and then drop an answer. Adapters supply only their platform's verbs.
 */
export class RequestServer {
  readonly #options: ServeOptions;
  readonly #now: () => number;
  readonly #pending = new Set<PendingAnswer>();
  readonly #settings: SettingsLookup;
  #closing = false;

  constructor(options: ServeOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => performance.now());
    this.#settings = new SettingsLookup(options.settings, options.logger, this.#now);
  }

  /** Never throws: whatever happens, the asker hears something and the log has the reason. */
  async serve(request: IncomingRequest, verbs: PlatformVerbs): Promise<Outcome> {
    try {
      return await this.#serve(request, verbs);
    } catch (error) {
      const apology = this.#options.dispatcher.internalErrorReply('', error);
      await verbs.reject(apology).catch(() => verbs.apologize(apology)).catch(() => undefined);
      return 'internal-error';
    }
  }

  async #serve(request: IncomingRequest, verbs: PlatformVerbs): Promise<Outcome> {
    const started = this.#now();
    // Read per request, before validation: the server's defaults fill options the request left out.
    const server = await this.#settings.view(request);
    const validation = this.#options.dispatcher.validate(request.input, (c) => defaultOptions(server.settings, c));
    const command = validation.ok ? validation.value.command.name : validation.command;
    const log = this.#options.logger.child({ requestId: randomUUID().slice(0, 8), platform: request.platform, command });
    const finish = (outcome: Outcome): Outcome => {
      const latencyMs = this.#now() - started;
      const queueLoad = this.#options.guard.load;
      // A terminal's own answer is the record there; a chat platform's requests are logged one line each.
      log[request.local ? 'debug' : 'info']({ outcome, latencyMs: Math.round(latencyMs), queueLoad }, 'request');
      const event: FinishedRequest = { platform: request.platform, serverId: request.serverId ?? '', command, kind: request.kind ?? 'command', outcome, latencyMs, queueLoad };
      for (const listener of this.#options.onFinished ?? []) {
        try {
          listener(event);
        } catch {
          // Counting must never cost an answer.
        }
      }
      return outcome;
    };
    const rejectWith = async (reply: Reply, outcome: Outcome): Promise<Outcome> => {
      try {
        await verbs.reject(reply);
      } catch (error) {
        log.warn({ err: error }, 'could not answer the platform at once');
        return finish('not-acknowledged');
      }
      return finish(outcome);
    };
    // Before the input's own errors: a channel off the list hears where lossbot works, whatever was typed.
    const refused = refusedHere(server, command, request.channelId, request.channelName);
    if (refused) return rejectWith(userErrorReply(command, refused), 'user-error');
    if (!validation.ok) return rejectWith(validation.reply, 'user-error');
    if (this.#closing) return rejectWith(refusal(command, 'restarting', messages.restarting()), 'restarting');
    let ticket;
    if (!request.local) {
      const admission = this.#options.guard.admit({ platform: request.platform, kind: request.kind, command, userId: request.userId, channelId: request.channelId });
      if (!admission.ok) return rejectWith(admission.reply, admission.code);
      ticket = admission.ticket;
    }
    // answers=private: every answer in that server is shown to the asker alone.
    const delivery = { personal: validation.value.personal || server.settings.answers === 'private' };
    const pending = new PendingAnswer(verbs, log, (error) => this.#options.dispatcher.internalErrorReply(command, error), delivery);
    this.#pending.add(pending);
    try {
      await verbs.acknowledge(delivery);
    } catch (error) {
      ticket?.cancel();
      this.#pending.delete(pending);
      log.warn({ err: error }, 'could not acknowledge; the platform will show its own failure');
      return finish('not-acknowledged');
    }
    const work = () => Promise.race([this.#work(validation.value, request, server, verbs, pending, delivery), pending.done]);
    void (ticket ? ticket.run(work) : work()).catch((error: unknown) => pending.settle(this.#options.dispatcher.internalErrorReply(command, error)));
    const settlement = await pending.done;
    this.#pending.delete(pending);
    return finish(outcomeOf(pending.answer, settlement));
  }

  /**
   * Shutdown: refuse new requests from now on; give the acknowledged ones up to `ms` to finish;
   * then tell each that is still unanswered that lossbot is restarting, and wait (up to
   * `apologyMs`) until the platforms have taken those answers. Nothing acknowledged is dropped.
   */
  async drain(ms: number, apologyMs = 5_000): Promise<DrainReport> {
    this.#closing = true;
    const all = [...this.#pending];
    const finished = await within(Promise.allSettled(all.map((p) => p.done)).then(() => true), ms, false);
    let apologized = 0;
    for (const pending of all) {
      if (pending.settled) continue;
      pending.abort.abort();
      apologized += 1;
      void pending.settle(refusal('', 'restarting', messages.restartedBeforeAnswer()));
    }
    const settlements = await within(Promise.all(all.map((p) => p.done)), apologyMs, [] as Settlement[]);
    const undelivered = settlements.length === all.length ? settlements.filter((s) => s === 'undelivered').length : all.length - settlements.length;
    return { finished, apologized, undelivered };
  }

  /** Acknowledged requests not yet answered. */
  get unanswered(): number {
    return this.#pending.size;
  }

  async #work(validated: Validated, request: IncomingRequest, server: ServerView, verbs: PlatformVerbs, pending: PendingAnswer, delivery: Delivery): Promise<void> {
    if (pending.settled) return;
    const { timeoutMs, renderers } = this.#options;
    const command = validated.command;
    const timer = setTimeout(() => {
      pending.abort.abort();
      void pending.settle(refusal(command.name, 'timeout', messages.timedOut(timeoutMs)));
    }, timeoutMs);
    try {
      const signal = pending.abort.signal;
      const texts = await fetchFiles(validated, verbs.readFile, signal);
      if (pending.settled) return;
      if (!texts.ok) {
        await pending.settle(userErrorReply(command.name, texts.error, command));
        return;
      }
      const pictures = (request.pictures ?? true) && !(delivery.personal && request.personalPictures === false);
      const theme = server.settings.theme;
      const defaults = defaultOptions(server.settings, command);
      const reply = validated.files.length > 0 && renderers.runCommand
        ? await renderers.runCommand(
          { input: request.input, files: Object.fromEntries(texts.value), theme, pictures, ...(defaults.length > 0 ? { defaults } : {}), ...(request.showStep === undefined ? {} : { showStep: request.showStep }) },
          signal,
        )
        : await this.#options.dispatcher.runValidated(validated, texts.value, {
          theme,
          signal,
          ...(pictures && renderers.renderCharts ? { renderCharts: renderers.renderCharts } : {}),
          ...(pictures && renderers.renderEquations ? { renderEquations: renderers.renderEquations } : {}),
          ...(request.showStep === undefined ? {} : { showStep: request.showStep }),
          asker: { platform: request.platform, serverId: request.serverId ?? '', userId: request.userId },
          // A page click re-runs the command line: it is no new attempt to keep.
          ...(this.#options.progress && request.kind !== 'click' ? { progress: this.#options.progress } : {}),
          server,
          ...(this.#options.activity ? { activity: this.#options.activity } : {}),
          ...(this.#options.docsUrl ? { docsUrl: this.#options.docsUrl } : {}),
        });
      await pending.settle(reply);
    } finally {
      clearTimeout(timer);
    }
  }
}

function outcomeOf(reply: Reply | undefined, settlement: Settlement): Outcome {
  if (settlement === 'undelivered') return 'undelivered';
  if (!reply) return 'internal-error';
  if (reply.ok) return settlement === 'delivered' ? 'answered' : 'internal-error';
  const code = reply.error?.code;
  if (code === 'internal') return 'internal-error';
  if (code === 'timeout' || code === 'restarting' || code === 'busy' || code === 'rate-limited') return code;
  return 'user-error';
}

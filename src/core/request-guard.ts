import { randomUUID } from 'node:crypto';
import type { RunContext } from './command.js';
import type { Logger } from './logger.js';
import { messages } from './messages.js';
import type { Reply } from './reply.js';
import { TokenBuckets, type BucketOptions } from './token-buckets.js';
import { WorkQueue } from './work-queue.js';

/** Who asked, where: the keys of the rate limits and the fields of the request's log line. */
export interface RequestMeta {
  platform: string;
  command: string;
  userId: string;
  channelId?: string | undefined;
}

export interface GuardOptions {
  logger: Logger;
  /** Commands computing at once; the rest wait in the queue. */
  concurrency: number;
  /** Commands waiting; beyond, new ones are told "busy" at once. */
  maxQueued: number;
  /** Compute and render, per command. */
  timeoutMs: number;
  user: Omit<BucketOptions, 'now'>;
  channel: Omit<BucketOptions, 'now'>;
  now?: () => number;
}

/** An admitted request: run it once, or cancel if the platform could not be answered. */
export interface Ticket {
  requestId: string;
  run(task: (ctx: RunContext) => Promise<Reply>, ctx: RunContext): Promise<Reply>;
  cancel(): void;
}

export type Admission = { ok: true; ticket: Ticket } | { ok: false; reply: Reply };

/**
 * The front door every adapter goes through after validating: per-user and per-channel rate
 * limits, a bounded queue in front of compute and render, a timeout that abandons the work, and
 * one structured log line per request. `admit` is synchronous and cheap, so a refusal fits in
 * Discord's and Slack's 3 s acknowledgement window.
 */
export class RequestGuard {
  readonly #options: GuardOptions;
  readonly #queue: WorkQueue;
  readonly #users: TokenBuckets;
  readonly #channels: TokenBuckets;
  readonly #now: () => number;
  readonly #inFlight = new Set<Promise<unknown>>();
  #closing = false;

  constructor(options: GuardOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => performance.now());
    this.#queue = new WorkQueue(options.concurrency, options.maxQueued);
    this.#users = new TokenBuckets({ ...options.user, now: this.#now });
    this.#channels = new TokenBuckets({ ...options.channel, now: this.#now });
  }

  admit(meta: RequestMeta): Admission {
    const requestId = randomUUID().slice(0, 8);
    const log = this.#options.logger.child({ requestId, platform: meta.platform, command: meta.command });
    if (this.#closing) return this.#refuse(log, meta, 'busy', messages.restarting());
    const user = this.#users.take(`${meta.platform}:${meta.userId}`);
    if (!user.ok) return this.#refuse(log, meta, 'rate-limited', messages.rateLimitedUser(user.retryAfterMs));
    if (meta.channelId) {
      const channel = this.#channels.take(`${meta.platform}:${meta.channelId}`);
      if (!channel.ok) {
        this.#users.refund(`${meta.platform}:${meta.userId}`);
        return this.#refuse(log, meta, 'rate-limited', messages.rateLimitedChannel(channel.retryAfterMs));
      }
    }
    const reservation = this.#queue.reserve();
    if (!reservation) {
      this.#users.refund(`${meta.platform}:${meta.userId}`);
      return this.#refuse(log, meta, 'busy', messages.busy());
    }
    const admitted = this.#now();
    return {
      ok: true,
      ticket: {
        requestId,
        cancel: () => reservation.cancel(),
        run: (task, ctx) => {
          const work = reservation.run(() => this.#withTimeout(task, ctx, meta)).then((reply) => {
            log.info({ latencyMs: Math.round(this.#now() - admitted), outcome: outcomeOf(reply), queueLoad: this.#queue.load }, 'answered');
            return reply;
          });
          this.#inFlight.add(work);
          void work.finally(() => this.#inFlight.delete(work)).catch(() => undefined);
          return work;
        },
      },
    };
  }

  /**
   * Shutdown: refuse new requests from now on, then resolve when every admitted one has answered
   * (true) or after `ms` (false).
   */
  async drain(ms: number): Promise<boolean> {
    this.#closing = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    });
    const done = Promise.allSettled([...this.#inFlight]).then(() => true);
    try {
      return await Promise.race([done, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  get load(): number {
    return this.#queue.load;
  }

  async #withTimeout(task: (ctx: RunContext) => Promise<Reply>, ctx: RunContext, meta: RequestMeta): Promise<Reply> {
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<Reply>((resolve) => {
      timer = setTimeout(() => {
        abort.abort();
        resolve(refusal(meta.command, 'timeout', messages.timedOut(this.#options.timeoutMs)));
      }, this.#options.timeoutMs);
    });
    try {
      return await Promise.race([task({ ...ctx, signal: abort.signal }), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  #refuse(log: Logger, meta: RequestMeta, code: 'busy' | 'rate-limited', message: string): Admission {
    log.info({ outcome: code, queueLoad: this.#queue.load }, 'refused');
    return { ok: false, reply: refusal(meta.command, code, message) };
  }
}

function outcomeOf(reply: Reply): string {
  return reply.ok ? 'answered' : (reply.error?.code === 'internal' ? 'internal-error' : reply.error?.code ?? 'error');
}

/** Not the user's input and not our bug: a Reply that says what happened and what to do. */
export function refusal(command: string, code: 'busy' | 'rate-limited' | 'timeout', message: string): Reply {
  const titles = { busy: 'Busy right now', 'rate-limited': 'One moment', timeout: 'That took too long' } as const;
  return { ok: false, command, title: titles[code], summary: message, fields: [], images: [], data: {}, error: { code, message } };
}

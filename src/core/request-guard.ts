import { messages } from './messages.js';
import type { Reply } from './reply.js';
import { TokenBuckets, type BucketOptions } from './token-buckets.js';
import { WorkQueue, type Reservation } from './work-queue.js';

/** Who asked, where: the keys of the rate limits and the fields of the request's log line. */
export interface RequestMeta {
  platform: string;
  command: string;
  /** A page click draws on its own per-user bucket, not on the commands'. */
  kind?: 'command' | 'click' | undefined;
  userId: string;
  channelId?: string | undefined;
}

export interface GuardOptions {
  /** Commands computing at once; the rest wait in the queue. */
  concurrency: number;
  /** Commands waiting; beyond, new ones are told "busy" at once. */
  maxQueued: number;
  user: Omit<BucketOptions, 'now'>;
  channel: Omit<BucketOptions, 'now'>;
  /** Page clicks per user: paging a 6-step derivation takes a burst of clicks that costs little. */
  click?: Omit<BucketOptions, 'now'>;
  now?: () => number;
}

const DEFAULT_CLICKS = { capacity: 30, perMinute: 120 };

export type RefusalCode = 'busy' | 'rate-limited' | 'restarting' | 'timeout';

/** An admitted request holds a place in the queue until it runs once, or is cancelled. */
export type Ticket = Reservation;

export type Admission = { ok: true; ticket: Ticket } | { ok: false; code: RefusalCode; reply: Reply };

/**
 * Admission: per-user and per-channel rate limits, then a bounded queue in front of compute and
 * render. `admit` is synchronous and cheap, so a refusal fits in Discord's and Slack's 3 s
 * acknowledgement window; the request protocol (serve.ts) calls it before any download or work.
 */
export class RequestGuard {
  readonly #queue: WorkQueue;
  readonly #users: TokenBuckets;
  readonly #channels: TokenBuckets;
  readonly #clicks: TokenBuckets;

  constructor(options: GuardOptions) {
    const now = options.now ?? (() => performance.now());
    this.#queue = new WorkQueue(options.concurrency, options.maxQueued);
    this.#users = new TokenBuckets({ ...options.user, now });
    this.#channels = new TokenBuckets({ ...options.channel, now });
    this.#clicks = new TokenBuckets({ ...(options.click ?? DEFAULT_CLICKS), now });
  }

  admit(meta: RequestMeta): Admission {
    if (meta.kind === 'click') return this.#admitClick(meta);
    const userKey = `${meta.platform}:${meta.userId}`;
    const user = this.#users.take(userKey);
    if (!user.ok) return refuse(meta, 'rate-limited', messages.rateLimitedUser(user.retryAfterMs));
    if (meta.channelId) {
      const channel = this.#channels.take(`${meta.platform}:${meta.channelId}`);
      if (!channel.ok) {
        this.#users.refund(userKey);
        return refuse(meta, 'rate-limited', messages.rateLimitedChannel(channel.retryAfterMs));
      }
    }
    const reservation = this.#queue.reserve();
    if (!reservation) {
      this.#users.refund(userKey);
      return refuse(meta, 'busy', messages.busy());
    }
    return { ok: true, ticket: reservation };
  }

  /** Clicks skip the command and channel buckets (only the asker may page), but not the bounded queue. */
  #admitClick(meta: RequestMeta): Admission {
    const key = `${meta.platform}:${meta.userId}`;
    const click = this.#clicks.take(key);
    if (!click.ok) return refuse(meta, 'rate-limited', messages.rateLimitedUser(click.retryAfterMs));
    const reservation = this.#queue.reserve();
    if (!reservation) {
      this.#clicks.refund(key);
      return refuse(meta, 'busy', messages.busy());
    }
    return { ok: true, ticket: reservation };
  }

  /** Requests holding a place in the queue: running, waiting or reserved. */
  get load(): number {
    return this.#queue.load;
  }
}

function refuse(meta: RequestMeta, code: RefusalCode, message: string): Admission {
  return { ok: false, code, reply: refusal(meta.command, code, message) };
}

/** Not the user's input and not our bug: a Reply that says what happened and what to do. */
export function refusal(command: string, code: RefusalCode, message: string): Reply {
  const titles = { busy: 'Busy right now', 'rate-limited': 'One moment', restarting: 'Restarting', timeout: 'That took too long' } as const;
  return { ok: false, command, title: titles[code], summary: message, fields: [], images: [], data: {}, error: { code, message } };
}

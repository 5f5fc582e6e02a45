/** What a rate limit answers: go ahead, or wait this long. */
export type Take = { ok: true } | { ok: false; retryAfterMs: number };

export interface BucketOptions {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Tokens added back per minute. */
  perMinute: number;
  /** Milliseconds; injectable so tests control time without sleeping. */
  now?: () => number;
  /** Keys remembered at most; a full bucket carries no information, so the oldest keys go first. */
  maxKeys?: number;
}

/**
 * Token buckets by key (a user id, a channel id). A bucket holds up to `capacity` tokens and
 * refills continuously at `perMinute`; each request takes one. In-process only: with several
 * replicas each enforces its own limit (README, "Running several processes").
 */
export class TokenBuckets {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #capacity: number;
  readonly #perMs: number;
  readonly #now: () => number;
  readonly #maxKeys: number;

  constructor(options: BucketOptions) {
    this.#capacity = options.capacity;
    this.#perMs = options.perMinute / 60_000;
    this.#now = options.now ?? (() => performance.now());
    this.#maxKeys = options.maxKeys ?? 100_000;
  }

  take(key: string): Take {
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? { tokens: this.#capacity, at: now };
    const tokens = Math.min(this.#capacity, bucket.tokens + (now - bucket.at) * this.#perMs);
    this.#buckets.delete(key);
    if (tokens < 1) {
      this.#buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterMs: Math.ceil((1 - tokens) / this.#perMs) };
    }
    this.#buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.#buckets.size > this.#maxKeys) this.#buckets.delete(this.#buckets.keys().next().value as string);
    return { ok: true };
  }

  /** Gives back a token taken for a request that was then refused for another reason (busy). */
  refund(key: string): void {
    const bucket = this.#buckets.get(key);
    if (bucket) bucket.tokens = Math.min(this.#capacity, bucket.tokens + 1);
  }
}

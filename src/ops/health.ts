import { within } from '../core/within.js';

/**
 * One part's state: "ok", "not configured" (also healthy), or a short reason it is failing that
 * names what failed and never a secret (no URL, no token, no database message).
 */
export type CheckState = string;
export type Check = () => CheckState | Promise<CheckState>;

export const OK = 'ok';
export const NOT_CONFIGURED = 'not configured';

/**
 * Per check. A load balancer probes every ~10 s and gives up after a few seconds; a database that
 * hangs must turn into a 503 well inside that, not a probe that hangs with it.
 */
export const CHECK_TIMEOUT_MS = 1_500;

export interface HealthReport {
  status: 'ok' | 'failing' | 'draining';
  checks: Record<string, CheckState>;
}

/**
 * The checks, run in parallel, each bounded by `timeoutMs`: "ok" when every check says ok or not
 * configured, "failing" otherwise, "draining" once shutdown has begun (a load balancer then stops
 * sending work while the requests in flight finish).
 */
export class Health {
  readonly #checks: Map<string, Check>;
  readonly #timeoutMs: number;
  #draining = false;

  constructor(checks: Record<string, Check> = {}, timeoutMs = CHECK_TIMEOUT_MS) {
    this.#checks = new Map(Object.entries(checks));
    this.#timeoutMs = timeoutMs;
  }

  /** A part that starts later (a platform logs in after the server is up). */
  add(name: string, check: Check): void {
    this.#checks.set(name, check);
  }

  drain(): void {
    this.#draining = true;
  }

  async report(): Promise<HealthReport> {
    const entries = await Promise.all([...this.#checks].map(async ([name, check]) => [name, await bounded(check, this.#timeoutMs)] as const));
    const checks = Object.fromEntries(entries);
    const healthy = entries.every(([, state]) => state === OK || state === NOT_CONFIGURED);
    return { status: this.#draining ? 'draining' : healthy ? 'ok' : 'failing', checks };
  }
}

function bounded(check: Check, timeoutMs: number): Promise<CheckState> {
  return within(Promise.resolve().then(check).catch(() => 'check failed'), timeoutMs, `no answer within ${timeoutMs / 1000} s`);
}

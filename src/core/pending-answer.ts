import type { Logger } from './logger.js';
import type { Delivery, PlatformVerbs } from './platform-verbs.js';
import type { Reply } from './reply.js';

export type Settlement = 'delivered' | 'apologized' | 'undelivered';

/**
 * An acknowledged request owes its asker exactly one final answer. Whoever settles it first wins
 * (the work's result, the timeout, the shutdown's apology); later settlements are ignored, so a
 * render that finishes after its timeout cannot post a second answer.
 */
export class PendingAnswer {
  readonly abort = new AbortController();
  readonly #verbs: PlatformVerbs;
  readonly #log: Logger;
  readonly #apologyFor: (error: unknown) => Reply;
  readonly #delivery: Delivery;
  #settled: Promise<Settlement> | undefined;
  /** The final answer sent (or tried): the result, an error, or the apology that replaced it. */
  answer: Reply | undefined;
  #resolveDone!: (how: Settlement) => void;
  /** Resolves once the final answer has reached the platform, or failed to. */
  readonly done: Promise<Settlement> = new Promise((resolve) => {
    this.#resolveDone = resolve;
  });

  constructor(verbs: PlatformVerbs, log: Logger, apologyFor: (error: unknown) => Reply, delivery: Delivery = { personal: false }) {
    this.#verbs = verbs;
    this.#delivery = delivery;
    this.#log = log;
    this.#apologyFor = apologyFor;
  }

  get settled(): boolean {
    return this.#settled !== undefined;
  }

  /** Sends `reply` as the final answer unless one was sent already; a result that ok=false is an apology. */
  settle(reply: Reply): Promise<Settlement> {
    if (this.#settled) return this.#settled;
    this.answer = reply;
    this.#settled = this.#send(reply).then((how) => {
      this.#resolveDone(how);
      return how;
    });
    return this.#settled;
  }

  async #send(reply: Reply): Promise<Settlement> {
    try {
      if (reply.ok) await this.#verbs.deliver(reply, this.#delivery);
      else await this.#verbs.apologize(reply);
      return reply.ok ? 'delivered' : 'apologized';
    } catch (error) {
      // The answer could not be posted (the platform failed, or the message was too big for it):
      // the asker still hears why, with a reference id that finds this log line.
      const apology = this.#apologyFor(error);
      this.answer = apology;
      try {
        await this.#verbs.apologize(apology);
        return 'apologized';
      } catch (again) {
        this.#log.error({ err: again }, 'could not answer at all; the platform refused the apology too');
        return 'undelivered';
      }
    }
  }
}

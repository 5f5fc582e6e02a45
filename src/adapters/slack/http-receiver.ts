import { HTTPReceiver, type CustomRoute, type Logger as BoltLogger } from '@slack/bolt';
import { LIMITS } from '../../core/limits.js';
import type { Logger } from '../../core/logger.js';
import { rejectFutureDated } from './reject-future-dated.js';

/** The longest command text, percent-encoded (3 bytes a character at worst), and the form's other fields. */
const BODY_LIMIT_BYTES = LIMITS.commandChars * 3 + 64 * 1024;

/**
 * Bolt's own HTTP receiver (`/slack/events`, signature and staleness checked by Bolt), built here
 * rather than by `App` so that future-dated requests are refused before it reads them.
 */
export function createHttpReceiver(signingSecret: string, boltLog: BoltLogger, log: Logger, customRoutes: CustomRoute[] = []): HTTPReceiver {
  // Bolt's own default would buffer 4 MB of anyone's body before checking its signature.
  // customRoutes (/healthz, /metrics) are answered by Bolt before any signature check.
  const receiver = new HTTPReceiver({ signingSecret, logger: boltLog, bodyLimit: BODY_LIMIT_BYTES, customRoutes });
  // Bolt's server calls `receiver.requestListener` for every request, so wrapping it guards them all.
  receiver.requestListener = rejectFutureDated(receiver.requestListener, (timestampSec) => {
    log.warn({ timestampSec }, 'slack request refused: timestamp more than 5 minutes ahead');
  });
  return receiver;
}

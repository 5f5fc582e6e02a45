import { HTTPReceiver, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import { rejectFutureDated } from './reject-future-dated.js';

/**
 * Bolt's own HTTP receiver (`/slack/events`, signature and staleness checked by Bolt), built here
 * rather than by `App` so that future-dated requests are refused before it reads them.
 */
export function createHttpReceiver(signingSecret: string, boltLog: BoltLogger, log: Logger): HTTPReceiver {
  const receiver = new HTTPReceiver({ signingSecret, logger: boltLog });
  // Bolt's server calls `receiver.requestListener` for every request, so wrapping it guards them all.
  receiver.requestListener = rejectFutureDated(receiver.requestListener, (timestampSec) => {
    log.warn({ timestampSec }, 'slack request refused: timestamp more than 5 minutes ahead');
  });
  return receiver;
}

import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** Slack's replay window: a signed request more than five minutes from the receiver's clock is refused. */
const MAX_SKEW_SECONDS = 5 * 60;

/**
 * Answers 401 to a request whose `x-slack-request-timestamp` is more than five minutes ahead, before
 * `listener` (Bolt's) sees it. Bolt refuses only timestamps too far in the past, so a signed request
 * dated ahead could be replayed until that date plus five minutes. Anything else, including a
 * missing or malformed timestamp, goes on to Bolt, which checks the signature.
 */
export function rejectFutureDated(
  listener: RequestListener,
  onReject: (timestampSec: number) => void,
  nowMs: () => number = Date.now,
): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const timestampSec = Number(req.headers['x-slack-request-timestamp']);
    if (timestampSec > Math.floor(nowMs() / 1000) + MAX_SKEW_SECONDS) {
      onReject(timestampSec);
      res.writeHead(401).end();
      return;
    }
    listener(req, res);
  };
}

import type { Server, ServerOptions } from 'node:http';

/**
 * Bounds on the HTTP-mode server. Node's own defaults (60 s for headers, 300 s for a request, no
 * connection cap, expiry checked every 30 s) let 300 slow-header and 100 slow-body sockets stay
 * open from 95 s to past 330 s.
 */
export interface HttpLimits {
  /** From a request's first byte (or the connection's opening) until its headers are complete. */
  headersTimeoutMs: number;
  /** Until the whole request, body included, has arrived; at least `headersTimeoutMs`. */
  requestTimeoutMs: number;
  /** Idle time allowed between requests on a kept-alive connection. */
  keepAliveTimeoutMs: number;
  /** Open sockets; a connection beyond this is closed as it is accepted, unanswered. */
  maxConnections: number;
}

/**
 * Slack gives up on a request it has not had an answer to within 3 s, and its requests are a few KB,
 * so an honest sender is done far inside these; they only leave room for a slow network.
 */
export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  // Node's default. Behind a load balancer whose idle timeout is longer, raise this above it, or the
  // balancer may send a request down a connection the server is closing (a 502).
  keepAliveTimeoutMs: 5_000,
  // Slack sends a study bot a handful of requests at once; this keeps a flood well under the usual
  // 1,024 open files, which the Discord gateway, Web API calls and chart workers share.
  maxConnections: 256,
};

/**
 * Options for `http.createServer`, which Bolt's HTTPReceiver takes as `app.start`'s second argument.
 * Node looks for expired headers and requests only every `connectionsCheckingInterval` (30 s by
 * default, fixed when the server is created), so a 10 s header timeout would really be up to 40 s;
 * checking five times per timeout keeps the overshoot within a fifth of it.
 */
export function httpServerOptions(limits: HttpLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(10, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 5)),
  };
}

/** The cap is a property of the listening server (no createServer option); set it before any accept. */
export function capConnections(server: Server, limits: HttpLimits): void {
  server.maxConnections = limits.maxConnections;
}

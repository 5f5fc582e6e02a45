import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../config.js';
import type { Health } from './health.js';
import type { Metrics } from './metrics.js';

/** The paths served, for Bolt's `customRoutes` too. */
export const OPS_PATHS = ['/healthz', '/metrics'] as const;

export type OpsHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * GET (or HEAD) /healthz: 200 with `{"status":"ok","checks":{...}}`, 503 when a check fails or
 * shutdown has begun; GET /metrics: Prometheus text. Any other path 404, any other method 405.
 */
export function opsHandler(health: Health, metrics: Metrics): OpsHandler {
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!(OPS_PATHS as readonly string[]).includes(path)) return send(res, req, 404, 'text/plain; charset=utf-8', 'not found\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return send(res, req, 405, 'text/plain; charset=utf-8', 'only GET and HEAD\n');
    }
    const body = path === '/healthz'
      ? health.report().then((report) => ({ status: report.status === 'ok' ? 200 : 503, type: 'application/json', text: `${JSON.stringify(report)}\n` }))
      : metrics.text().then((text) => ({ status: 200, type: metrics.contentType, text }));
    body.then(
      (answer) => send(res, req, answer.status, answer.type, answer.text),
      () => send(res, req, 500, 'text/plain; charset=utf-8', 'could not collect\n'),
    );
  };
}

function send(res: ServerResponse, req: IncomingMessage, status: number, type: string, text: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(req.method === 'HEAD' ? undefined : text);
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Its own small HTTP server (HEALTH_PORT): port 0 picks a free one, which `port` then tells. A
 * port that cannot be had stops the start with a sentence naming the variables: a bot that runs
 * without its probe would be restarted by its orchestrator again and again, with no clear reason.
 */
export async function startHealthServer(handler: OpsHandler, port: number, host: string): Promise<HealthServer> {
  const server = createServer(handler);
  // A probe sends a few bytes: a slow or idle client is not kept.
  server.requestTimeout = 5_000;
  server.headersTimeout = 5_000;
  server.keepAliveTimeout = 5_000;
  server.listen(port, host);
  try {
    await Promise.race([once(server, 'listening'), once(server, 'error').then(([error]) => Promise.reject(error as Error))]);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why = code === 'EADDRINUSE' ? 'is in use' : code === 'EADDRNOTAVAIL' ? 'is not an address of this machine' : code === 'EACCES' ? 'needs privileges' : `cannot be used (${String(code ?? error)})`;
    throw new ConfigError(`HEALTH_PORT=${port} on HEALTH_HOST=${host} ${why}: choose another. See .env.example.`);
  }
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

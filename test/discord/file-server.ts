import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RequestLog } from '../support/request-log.js';

/** How one response ended: `finished` is false when the client closed the socket first. */
export interface Served {
  path: string;
  written: number;
  finished: boolean;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, count: (bytes: number) => void) => void;

/**
 * A local file host for download tests. It counts TCP connections (a refused URL must make none),
 * logs each request as it arrives and, when its response closes, how many body bytes were written.
 */
export class FileServer {
  readonly requests = new RequestLog<{ path: string }>();
  readonly served = new RequestLog<Served>();
  connections = 0;
  readonly #server: Server;

  constructor(handler: Handler) {
    this.#server = createServer((req, res) => {
      const record: Served = { path: req.url ?? '/', written: 0, finished: false };
      this.requests.add({ path: record.path });
      res.on('close', () => this.served.add({ ...record, finished: res.writableFinished }));
      handler(req, res, (bytes) => { record.written += bytes; });
    });
    this.#server.on('connection', () => { this.connections += 1; });
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    return this;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    this.#server.close();
    await once(this.#server, 'close');
  }
}

/** Starts file servers for one test file; `stopAll` (for `after`) closes every one it started. */
export function fileServers(): { serve(handler: Handler): Promise<FileServer>; stopAll(): Promise<void> } {
  const started: FileServer[] = [];
  return {
    serve: async (handler) => {
      const server = await new FileServer(handler).start();
      started.push(server);
      return server;
    },
    stopAll: async () => {
      await Promise.all(started.map((s) => s.stop()));
    },
  };
}

export function sendText(body: string | Uint8Array, type = 'text/csv'): Handler {
  return (_req, res, count) => {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    res.writeHead(200, { 'content-type': type, 'content-length': String(bytes.byteLength) });
    res.end(bytes, () => count(bytes.byteLength));
  };
}

export function redirectTo(location: string, status = 302): Handler {
  return (_req, res) => {
    res.writeHead(status, { location });
    res.end();
  };
}

/** Streams `total` bytes of CSV-looking text chunked (no Content-Length), as fast as the client reads. */
export function streamBytes(total: number, chunkBytes = 64 * 1024): Handler {
  const chunk = Buffer.alloc(chunkBytes, '1,0.5\n');
  return (_req, res, count) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    let left = total;
    const pump = (): void => {
      while (left > 0 && !res.destroyed) {
        const piece = left >= chunk.byteLength ? chunk : chunk.subarray(0, left);
        left -= piece.byteLength;
        count(piece.byteLength);
        if (!res.write(piece)) return void res.once('drain', pump);
      }
      if (left === 0) res.end();
    };
    pump();
  };
}

/** Sends the headers, then one byte per interval, forever (until the client goes away). */
export function trickle(intervalMs = 20): Handler {
  return (_req, res, count) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    const timer = setInterval(() => { res.write('1'); count(1); }, intervalMs);
    res.on('close', () => clearInterval(timer));
  };
}

/** Never answers: the request hangs before any header. */
export function silence(): Handler {
  return () => undefined;
}

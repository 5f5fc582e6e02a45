import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { RequestLog } from '../support/request-log.js';

/** One HTTP request the bot made, with its JSON body or its multipart parts. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  json?: unknown;
  files: Array<{ field: string; name: string; bytes: Uint8Array }>;
}

/** An interaction callback as the bot sent it: 4 a message, 5 a deferral, 6 a deferred update, 9 a modal. */
export interface RecordedCallback {
  type: number;
  data?: {
    flags?: number;
    content?: string;
    custom_id?: string;
    title?: string;
    components?: Array<{ type: number; components: Array<Record<string, unknown>> }>;
  };
}

/** Discord: message flag 64, EPHEMERAL (discord.com/developers/docs/resources/message, "Message Flags"). */
export const EPHEMERAL = 64;

export const APP_ID = '100000000000000001';
export const BOT_ID = APP_ID;
export const GUILD_ID = '200000000000000002';
export const CHANNEL_ID = '300000000000000003';

/**
 * A small fake Discord on 127.0.0.1: the REST routes discord.js calls and a JSON gateway that says
 * HELLO and READY and then dispatches whatever interactions a test sends (../shared/E2E-TESTING.md).
 * Tests wait on `request(...)`, which resolves when the bot makes a matching request.
 */
export class FakeDiscord {
  readonly #log = new RequestLog<RecordedRequest>();
  /** Interaction tokens whose response was made ephemeral: their messages carry flag 64, as Discord's do. */
  readonly #ephemeral = new Set<string>();
  readonly identified: Array<{ shard?: [number, number] }> = [];
  readonly files = new Map<string, { body: Uint8Array; type: string }>();
  /** Route -> status to answer once instead of the normal answer (fault injection). */
  readonly failNext = new Map<string, Array<{ status: number; body?: unknown; headers?: Record<string, string> }>>();
  #server: Server;
  #wss: WebSocketServer;
  #sockets = new Set<WebSocket>();
  #identifyWaiters: Array<() => void> = [];
  #resumeWaiters: Array<() => void> = [];
  resumes = 0;
  #shardSockets = new Map<number, WebSocket>();
  #seq = 1;
  #messageId = 900000000000000000n;
  port = 0;

  constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#wss = new WebSocketServer({ server: this.#server });
    this.#wss.on('connection', (socket) => this.#gateway(socket));
  }

  async start(): Promise<this> {
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    this.port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    this.#wss.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** The next request (not yet taken by another wait) that matches; resolves at once if one came already. */
  request(method: string, path: RegExp): Promise<RecordedRequest> {
    return this.#log.next((r) => r.method === method && path.test(r.path));
  }

  /** The next callback the bot sent for this interaction (a deferral, a message, a modal). */
  async callback(interaction: { id: string }): Promise<RecordedCallback> {
    return (await this.request('POST', new RegExp(`^/api/v10/interactions/${interaction.id}/[^/]+/callback$`))).json as RecordedCallback;
  }

  /** Every request so far, in order. */
  get requests(): readonly RecordedRequest[] {
    return this.#log.all;
  }

  /** Resolves once `count` IDENTIFYs have arrived (shards logging in). */
  async identifiedCount(count: number): Promise<void> {
    while (this.identified.length < count) await new Promise<void>((resolve) => this.#identifyWaiters.push(resolve));
  }

  /** Resolves at the next RESUME (a client coming back after a dropped connection). */
  resumed(): Promise<void> {
    return new Promise((resolve) => this.#resumeWaiters.push(resolve));
  }

  /** Sends a gateway dispatch to every connected shard (or only the one given). */
  dispatch(type: string, data: unknown, shard?: number): void {
    const frame = JSON.stringify({ op: 0, t: type, s: ++this.#seq, d: data });
    const targets = shard === undefined ? [...this.#sockets] : [this.#shardSockets.get(shard)].filter((s): s is WebSocket => s !== undefined);
    for (const socket of targets) socket.send(frame);
  }

  /** Closes every gateway socket as a server would (code 4000 lets discord.js resume). */
  dropConnections(code = 4000): void {
    for (const socket of this.#sockets) socket.close(code, 'fake drop');
  }

  get connections(): number {
    return this.#sockets.size;
  }

  #gateway(socket: WebSocket): void {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: { shard?: [number, number]; session_id?: string } };
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) {
        const shard = frame.d.shard ?? [0, 1];
        this.identified.push({ shard });
        this.#shardSockets.set(shard[0], socket);
        for (const wake of this.#identifyWaiters.splice(0)) wake();
        socket.send(JSON.stringify({
          op: 0, t: 'READY', s: 1,
          d: {
            v: 10, user: { id: BOT_ID, username: 'lossbot', discriminator: '0', bot: true }, guilds: [],
            session_id: `session-${shard[0]}`, resume_gateway_url: `ws://127.0.0.1:${this.port}`, shard, application: { id: APP_ID, flags: 0 },
          },
        }));
      }
      if (frame.op === 6) {
        socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: this.#seq, d: {} }));
        this.resumes += 1;
        for (const wake of this.#resumeWaiters.splice(0)) wake();
      }
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${this.port}`);
    const path = decodeURIComponent(url.pathname);
    const record: RecordedRequest = { method: req.method ?? 'GET', path, query: url.searchParams, files: [] };
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Request('http://fake', { method: 'POST', headers: { 'content-type': type }, body }).formData();
      for (const [field, value] of form.entries()) {
        if (field === 'payload_json') record.json = JSON.parse(String(value));
        else if (typeof value !== 'string') record.files.push({ field, name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
      }
    } else if (body.length > 0 && type.includes('json')) record.json = JSON.parse(body.toString('utf8'));
    const key = `${record.method} ${path}`;
    const fault = [...this.failNext.entries()].find(([pattern]) => key.includes(pattern));
    if (fault && fault[1].length > 0) {
      const injected = fault[1].shift() as { status: number; body?: unknown; headers?: Record<string, string> };
      if (fault[1].length === 0) this.failNext.delete(fault[0]);
      res.writeHead(injected.status, { 'content-type': 'application/json', ...injected.headers });
      res.end(JSON.stringify(injected.body ?? { message: 'injected fault', code: 0 }));
      this.#record({ ...record, path: `${path} (faulted ${injected.status})` });
      return;
    }
    this.#answer(record, res);
    this.#record(record);
  }

  #record(record: RecordedRequest): void {
    this.#log.add(record);
  }

  #answer(record: RecordedRequest, res: ServerResponse): void {
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const { method, path } = record;
    if (path.startsWith('/files/')) {
      const file = this.files.get(path.slice('/files/'.length));
      if (!file) return json(404, { message: 'Unknown file' });
      res.writeHead(200, { 'content-type': file.type, 'content-length': String(file.body.byteLength) });
      res.end(file.body);
      return;
    }
    if (method === 'GET' && path === '/api/v10/gateway/bot') {
      return json(200, { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } });
    }
    if (method === 'GET' && path === '/api/v10/applications/@me') return json(200, { id: APP_ID, name: 'lossbot', flags: 0 });
    if (method === 'PUT' && /^\/api\/v10\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) return json(200, record.json);
    const callback = /^\/api\/v10\/interactions\/\d+\/([^/]+)\/callback$/.exec(path);
    if (method === 'POST' && callback) {
      const flags = (record.json as RecordedCallback | undefined)?.data?.flags ?? 0;
      if ((flags & EPHEMERAL) !== 0) this.#ephemeral.add(callback[1] ?? '');
      res.writeHead(204);
      res.end();
      return;
    }
    const webhook = /^\/api\/v10\/webhooks\/\d+\/([^/]+)(\/messages\/(@original|\d+))?$/.exec(path);
    if (webhook) {
      if (method === 'DELETE') {
        res.writeHead(204);
        res.end();
        return;
      }
      return json(200, this.message(record.json, this.#ephemeral.has(webhook[1] ?? '') ? { flags: EPHEMERAL } : {}));
    }
    json(404, { message: `fake Discord has no ${method} ${path}`, code: 0 });
  }

  /** A Message object as Discord returns it, carrying what the bot sent. */
  message(sent: unknown = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
    const body = (sent ?? {}) as { content?: string; embeds?: unknown[]; components?: unknown[] };
    return {
      id: String(++this.#messageId), channel_id: CHANNEL_ID, guild_id: GUILD_ID, type: 0, content: body.content ?? '',
      author: { id: BOT_ID, username: 'lossbot', discriminator: '0', bot: true }, timestamp: new Date().toISOString(), edited_timestamp: null,
      tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], embeds: body.embeds ?? [], components: body.components ?? [],
      pinned: false, flags: 0, application_id: APP_ID, webhook_id: APP_ID, ...extra,
    };
  }
}

import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { RequestLog } from '../support/request-log.js';

export interface SlackRequest {
  path: string;
  /** Form fields or JSON body; `blocks` and other JSON-valued form fields parsed. */
  body: Record<string, unknown>;
  /** Bytes posted to an upload URL. */
  bytes?: Uint8Array;
}

/**
 * A small fake Slack Web API on 127.0.0.1 (../shared/E2E-TESTING.md): auth.test, chat.postMessage, users.info,
 * chat.postEphemeral, views.open (the modal is recorded in the request's body), the files.uploadV2 sequence, response_url targets and Socket Mode's apps.connections.open with
 * its WebSocket. Tests wait on `request(...)`, which resolves when the app makes a matching call.
 */
export class FakeSlack {
  readonly #log = new RequestLog<SlackRequest>();
  /** Method -> error codes to answer instead of ok (fault injection), used once each. */
  readonly failNext = new Map<string, string[]>();
  readonly socketMessages: unknown[] = [];
  /** users.info's answers by user id; a user not listed is `user_not_found`. */
  readonly users = new Map<string, { is_admin?: boolean; is_owner?: boolean }>();
  #server: Server;
  #wss: WebSocketServer;
  #socket: WebSocket | undefined;
  #socketWaiters: Array<() => void> = [];
  #messageWaiters: Array<() => void> = [];
  #fileId = 0;
  #viewId = 0;
  port = 0;

  constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#wss = new WebSocketServer({ server: this.#server, path: '/socket' });
    this.#wss.on('connection', (socket) => {
      this.#socket = socket;
      socket.on('message', (raw) => {
        this.socketMessages.push(JSON.parse(String(raw)));
        for (const wake of this.#messageWaiters.splice(0)) wake();
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
      for (const wake of this.#socketWaiters.splice(0)) wake();
    });
  }

  async start(): Promise<this> {
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    this.port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  async stop(): Promise<void> {
    this.#socket?.terminate();
    this.#wss.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  request(path: string | RegExp, match: (r: SlackRequest) => boolean = () => true): Promise<SlackRequest> {
    return this.#log.next((r) => (typeof path === 'string' ? r.path === path : path.test(r.path)) && match(r));
  }

  /** Every request so far, in order. */
  get requests(): readonly SlackRequest[] {
    return this.#log.all;
  }

  /** Resolves when a Socket Mode client has connected (and was sent "hello"). */
  async socketConnected(): Promise<void> {
    if (!this.#socket) await new Promise<void>((resolve) => this.#socketWaiters.push(resolve));
  }

  /** Resolves when the Socket Mode client's socket has closed; stopping the fake before that leaves Bolt a 30 s close timer. */
  async socketClosed(): Promise<void> {
    const socket = this.#socket;
    if (!socket || socket.readyState === socket.CLOSED) return;
    await once(socket, 'close');
  }

  sendEnvelope(envelope: unknown): void {
    this.#socket?.send(JSON.stringify(envelope));
  }

  /** The first message from the Socket Mode client that satisfies `match` (an ack). */
  async socketMessage(match: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    for (;;) {
      const found = this.socketMessages.find((m) => match(m as Record<string, unknown>));
      if (found) return found as Record<string, unknown>;
      await new Promise<void>((resolve) => this.#messageWaiters.push(resolve));
    }
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const type = req.headers['content-type'] ?? '';
    const record: SlackRequest = { path, body: {} };
    if (type.includes('application/json')) record.body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
    else if (type.includes('x-www-form-urlencoded')) {
      for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) record.body[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } else if (type.startsWith('multipart/form-data')) {
      const form = await new Request('http://fake', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
      const part = form.get('body') ?? form.get('file');
      if (part && typeof part !== 'string') record.bytes = new Uint8Array(await part.arrayBuffer());
    } else record.bytes = new Uint8Array(raw);
    this.#answer(record, res);
    this.#log.add(record);
  }

  #answer(record: SlackRequest, res: ServerResponse): void {
    const json = (value: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const method = record.path.replace(/^\/api\//, '');
    const failures = this.failNext.get(method);
    if (failures && failures.length > 0) return json({ ok: false, error: failures.shift() });
    switch (method) {
      case 'auth.test':
        return json({ ok: true, url: 'https://study.slack.com/', team: 'study', user: 'lossbot', team_id: 'T1', user_id: 'UBOT', bot_id: 'B1' });
      case 'chat.postMessage':
        return json({ ok: true, channel: record.body.channel, ts: `${Date.now() / 1000}`, message: { text: record.body.text } });
      case 'files.getUploadURLExternal': {
        const id = `F${++this.#fileId}`;
        return json({ ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${id}`, file_id: id });
      }
      case 'files.completeUploadExternal': {
        // As Slack answers: the completed files, in the order asked, with their ids.
        const files = Array.isArray(record.body.files) ? (record.body.files as Array<{ id: string; title?: string }>) : [];
        return json({ ok: true, files: files.map((file) => ({ id: file.id, title: file.title ?? '' })) });
      }
      case 'chat.postEphemeral':
        return json({ ok: true, message_ts: `${Date.now() / 1000}` });
      case 'views.open':
        // As Slack answers: the view as opened, with its id; the request's `view` is the modal asked for.
        return json({ ok: true, view: { id: `V${++this.#viewId}`, ...(record.body.view as Record<string, unknown>) } });
      case 'users.info': {
        const id = String(record.body.user ?? '');
        const user = this.users.get(id);
        return json(user ? { ok: true, user: { id, team_id: 'T1', is_admin: false, is_owner: false, ...user } } : { ok: false, error: 'user_not_found' });
      }
      case 'apps.connections.open':
        return json({ ok: true, url: `ws://127.0.0.1:${this.port}/socket` });
      default:
        if (record.path.startsWith('/upload/') || record.path.startsWith('/response/')) {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('ok');
          return;
        }
        return json({ ok: false, error: 'unknown_method' });
    }
  }
}

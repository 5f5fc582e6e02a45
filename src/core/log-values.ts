import { isSecretKey, redactSecrets, REDACTED } from './log-redaction.js';

/**
 * What a value may put into a log line. A log line is for finding a failure, not for replaying a
 * request: bodies and bytes stay out (a failed Discord edit's error carries its PNGs, which pino
 * serialised as a JSON number array, 560 KB in one line), secrets are redacted, and every string,
 * list and nesting level is bounded so that one line stays well inside MAX_LOG_LINE_BYTES.
 */
const MAX_TEXT = 2_000;
const MAX_STACK = 4_000;
const MAX_ITEMS = 20;
const MAX_KEYS = 40;
const MAX_DEPTH = 5;
/** Values visited per log call: a discord.js object graph reaches the whole client. */
const MAX_NODES = 400;
/** Characters of text per log call, twice a line's bound, so the line's own cut (log-line.ts) rarely has to act. */
const MAX_CHARS = 16_000;
/** Longer strings are cut before the secret patterns run on them; the kept head is far shorter. */
const MAX_SCANNED = 65_536;

/** A getter that throws must not turn a log call into a crash. */
const UNLOGGABLE = '[could not be logged]';

/** Fields that hold a request's or response's payload: never logged, whatever their type. */
const BODY_KEYS = new Set(['requestBody', 'body', 'rawBody', 'payload', 'payload_json', 'files', 'attachments', 'formData']);

/** A cut of a cut still reports the original length. */
const CLIP_NOTE = / … \[truncated, (\d+) chars\]$/;
const LIST_NOTE = /^\[truncated, (\d+) items\]$/;

/**
 * `text` cut to at most `max` characters, saying so and how long it was (`total`, when `text` is
 * already a cut of something longer). Stable when applied twice.
 */
export function clipText(text: string, max = MAX_TEXT, total = text.length): string {
  if (text.length <= max && total <= text.length) return text;
  const earlier = CLIP_NOTE.exec(text);
  const note = ` … [truncated, ${earlier ? Number(earlier[1]) : total} chars]`;
  return text.slice(0, Math.max(0, max - note.length)) + note;
}

/** `text` with its secrets redacted, then bounded. */
export function safeText(text: string, max = MAX_TEXT): string {
  const redacted = redactSecrets(text.length > MAX_SCANNED ? text.slice(0, MAX_SCANNED) : text);
  return redacted.length <= max && text.length <= MAX_SCANNED ? redacted : clipText(redacted, max, Math.max(text.length, redacted.length));
}

/** The first `max` items, then a note of how many there were (stable when applied twice). */
export function clipList(items: readonly unknown[], max: number): unknown[] {
  if (items.length <= max) return [...items];
  const last = items[items.length - 1];
  const earlier = typeof last === 'string' ? LIST_NOTE.exec(last) : null;
  return [...items.slice(0, max), `[truncated, ${earlier ? Number(earlier[1]) : items.length} items]`];
}

const isBytes = (value: object): value is ArrayBufferView | ArrayBuffer => ArrayBuffer.isView(value) || value instanceof ArrayBuffer;

class Walk {
  nodes = 0;
  chars = MAX_CHARS;

  text(text: string, max = MAX_TEXT): string {
    const out = safeText(text, Math.max(80, Math.min(max, this.chars)));
    this.chars -= out.length;
    return out;
  }

  value(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return this.text(value);
    if (typeof value === 'bigint') return String(value);
    if (typeof value === 'function' || typeof value === 'symbol') return undefined;
    if (typeof value !== 'object' || value === null) return value;
    if (value instanceof Error) return this.error(value, depth);
    if (isBytes(value)) return `[${value.byteLength} bytes]`;
    if (value instanceof Date) return value;
    if (++this.nodes > MAX_NODES || depth >= MAX_DEPTH) return Array.isArray(value) ? '[list]' : '[object]';
    if (Array.isArray(value)) return this.list(value, (item) => this.value(item, depth + 1));
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') {
      try {
        return this.value(toJSON.call(value), depth + 1);
      } catch {
        return '[object]';
      }
    }
    return this.fields(value as Record<string, unknown>, (_key, field) => this.value(field, depth + 1));
  }

  /**
   * An error as the fields that explain it: type, message, stack, status, code, method, url and the
   * like, and its causes. Objects hung on it (a request body, headers, the parsed response, an HTTP
   * client's config) are left out; Slack's `data` keeps only its short fields (`error: 'not_in_channel'`).
   */
  error(error: unknown, depth: number): unknown {
    if (typeof error !== 'object' || error === null) return this.value(error, depth);
    if (++this.nodes > MAX_NODES || depth > MAX_DEPTH) return '[error]';
    const out: Record<string, unknown> = {};
    if (error instanceof Error) {
      out.type = error.constructor?.name || error.name;
      out.message = this.text(String(error.message));
      if (error.stack !== undefined) out.stack = this.text(String(error.stack), MAX_STACK);
    }
    const source = error as Record<string, unknown>;
    // for...in as pino's own serializer: an error's enumerable fields, inherited ones included.
    let keys = 0;
    for (const key in source) {
      if (key in out || key === '__proto__' || BODY_KEYS.has(key)) continue;
      if (++keys > MAX_KEYS) break;
      const field = source[key];
      if (field === undefined || typeof field === 'function') continue;
      if (isSecretKey(key) && (typeof field === 'string' || typeof field === 'object') && field !== null) out[key] = REDACTED;
      else if (typeof field !== 'object' || field === null) out[key] = this.value(field, depth + 1);
      else if (key === 'cause' || key === 'original') out[key] = this.error(field, depth + 1);
      else if (key === 'errors' && Array.isArray(field)) out[key] = this.list(field, (item) => this.error(item, depth + 1));
      else if (key === 'data' && !Array.isArray(field) && !isBytes(field)) out[key] = this.shortFields(field as Record<string, unknown>);
    }
    if (error instanceof Error) {
      // `cause` and AggregateError's `errors` are not enumerable.
      if (error.cause !== undefined && !('cause' in out)) out.cause = this.error(error.cause, depth + 1);
      const errors = (error as { errors?: unknown }).errors;
      if (Array.isArray(errors) && !('errors' in out)) out.errors = this.list(errors, (item) => this.error(item, depth + 1));
    }
    return out;
  }

  list(items: readonly unknown[], each: (item: unknown) => unknown): unknown[] {
    return clipList(items, MAX_ITEMS).map((item, i) => (i === MAX_ITEMS ? item : each(item)));
  }

  fields(source: Record<string, unknown>, each: (key: string, field: unknown) => unknown): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const keys = Object.keys(source);
    for (const key of keys.slice(0, MAX_KEYS)) {
      if (key === '__proto__' || BODY_KEYS.has(key)) continue;
      const field = source[key];
      if (isSecretKey(key) && field !== null && (typeof field === 'string' || typeof field === 'object')) out[key] = REDACTED;
      else out[key] = each(key, field);
    }
    if (keys.length > MAX_KEYS) out['[truncated]'] = `${keys.length} keys`;
    return out;
  }

  shortFields(source: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(source).slice(0, MAX_KEYS)) {
      if (BODY_KEYS.has(key) || (typeof field === 'object' && field !== null) || typeof field === 'function') continue;
      out[key] = isSecretKey(key) && typeof field === 'string' ? REDACTED : this.value(field, MAX_DEPTH - 1);
    }
    return out;
  }
}

/** The `err` serializer: what explains an error, without the request it was about. */
export function serializeError(error: unknown): unknown {
  try {
    return new Walk().error(error, 0);
  } catch {
    return UNLOGGABLE;
  }
}

/**
 * A log call's merging object made safe, field by field: secrets redacted, bodies and bytes left
 * out, everything bounded. Fields in `skip` (`err`, `error`) are left to their serializer.
 */
export function safeLogObject(object: object, skip: ReadonlySet<string>): Record<string, unknown> {
  const walk = new Walk();
  try {
    return walk.fields(object as Record<string, unknown>, (key, field) => (skip.has(key) ? field : walk.value(field, 1)));
  } catch {
    return { logged: UNLOGGABLE };
  }
}

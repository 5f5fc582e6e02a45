import { redactSecrets } from './log-redaction.js';
import { clipList, clipText } from './log-values.js';

/**
 * 8 KB per line: rsyslog's default message size; Docker's json-file driver splits lines at 16 KB
 * and a split JSON line no longer parses. One failed Discord edit used to log 560 KB.
 */
export const MAX_LOG_LINE_BYTES = 8 * 1024;

const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;

/**
 * The finished JSON line with the secret patterns applied to every string in it: the message, a
 * child logger's bindings and interpolated arguments never pass through the field serializers.
 * Each string is matched as JSON, so a replacement cannot break an escape sequence.
 */
export function redactLogLine(line: string): string {
  return line.replace(JSON_STRING, (literal) => {
    if (!literal.includes('\\')) {
      const inner = literal.slice(1, -1);
      const redacted = redactSecrets(inner);
      return redacted === inner ? literal : JSON.stringify(redacted);
    }
    const value = JSON.parse(literal) as string;
    const redacted = redactSecrets(value);
    return redacted === value ? literal : JSON.stringify(redacted);
  });
}

/**
 * `line` if it fits in `maxBytes`; otherwise the same record, still one JSON line, with its strings
 * and lists cut harder and `truncated: true`, then only its top-level plain fields, then only
 * level, time and message.
 */
export function boundLogLine(line: string, maxBytes = MAX_LOG_LINE_BYTES): string {
  const bytes = Buffer.byteLength(line);
  if (bytes <= maxBytes) return line;
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    record = { msg: line };
  }
  const note = { truncated: true, lineBytes: bytes };
  const attempts = [
    () => shrink(record, 500, 0) as Record<string, unknown>,
    () => Object.fromEntries(Object.entries(record).filter(([, v]) => typeof v !== 'object' || v === null).map(([k, v]) => [k, shrink(v, 200, 0)])),
    () => ({ level: record.level, time: record.time, app: record.app, msg: shrink(record.msg, 500, 0) }),
  ];
  for (const attempt of attempts) {
    const out = `${JSON.stringify({ ...attempt(), ...note })}\n`;
    if (Buffer.byteLength(out) <= maxBytes) return out;
  }
  return `${JSON.stringify({ level: record.level, time: record.time, msg: 'log line too long to keep', ...note })}\n`;
}

function shrink(value: unknown, max: number, depth: number): unknown {
  if (typeof value === 'string') return clipText(value, max);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= 4) return Array.isArray(value) ? '[list]' : '[object]';
  if (Array.isArray(value)) return clipList(value, 10).map((item) => shrink(item, max, depth + 1));
  return Object.fromEntries(Object.entries(value).slice(0, 30).map(([k, v]) => [k, shrink(v, max, depth + 1)]));
}

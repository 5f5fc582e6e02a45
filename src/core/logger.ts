import { pino, type DestinationStream, type Logger } from 'pino';
import { boundLogLine, MAX_LOG_LINE_BYTES, redactLogLine } from './log-line.js';
import { safeLogObject, serializeError } from './log-values.js';

export type { Logger };

const SERIALIZED = new Set(['err', 'error']);

/**
 * Structured JSON logs, on stderr by default (stdout belongs to the CLI's answers). Secrets never
 * reach a line: fields named like secrets are censored, the URL and token shapes of Discord and
 * Slack are redacted wherever they appear (log-redaction.ts), errors are logged without the
 * request bodies they carry, and every line is bounded (log-line.ts). Child loggers inherit it all.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'lossbot' },
      redact: { paths: ['token', '*.token', 'config.*Token', 'config.*Secret', 'headers.authorization'], censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
      formatters: { log: (object) => safeLogObject(object, SERIALIZED) },
      hooks: { streamWrite: (line) => boundLogLine(redactLogLine(line), MAX_LOG_LINE_BYTES) },
    },
    destination ?? pino.destination({ dest: 2, sync: true }),
  );
}

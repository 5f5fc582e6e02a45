import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { safeText } from '../../core/log-values.js';
import type { Logger } from '../../core/logger.js';

const SEVERITY: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

/**
 * Bolt's own messages go to the project's JSON log (pino), with Bolt's name as a field. Bolt
 * writes request details into its message strings (at debug, a whole request body with its
 * response_url), so messages below the level Bolt was given are dropped, the text is redacted and
 * bounded, and an error goes to `err`, where the error serializer keeps its type, code and stack.
 */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  let name = 'bolt';
  const write = (method: LogLevel) => (...parts: unknown[]) => {
    if (SEVERITY[method] < SEVERITY[level]) return;
    const err = parts.find((part): part is Error => part instanceof Error);
    const text = parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' ');
    logger[method]({ component: name, ...(err ? { err } : {}) }, safeText(text));
  };
  return {
    debug: write(LogLevel.DEBUG),
    info: write(LogLevel.INFO),
    warn: write(LogLevel.WARN),
    error: write(LogLevel.ERROR),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next) => {
      name = next;
    },
  };
}

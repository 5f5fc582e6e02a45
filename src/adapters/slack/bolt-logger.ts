import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';

/** Bolt's own messages go to the project's JSON log (pino), with Bolt's name as a field. */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  let name = 'bolt';
  const write = (method: 'debug' | 'info' | 'warn' | 'error') => (...msg: unknown[]) => logger[method]({ component: name }, msg.map((m) => (m instanceof Error ? m.stack : String(m))).join(' '));
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next) => {
      name = next;
    },
  };
}

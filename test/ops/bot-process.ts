import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { launchArgs, ROOT } from '../support/run-process.js';

/** One JSON log line of the bot's. */
export type LogLine = Record<string, unknown> & { msg?: string };

/**
 * `npm start` as a process (dist/main.mjs, built by `node scripts/build.mjs`), with only the
 * environment given; `line` resolves with the first log line that matches, waiting on stderr.
 */
export function startBot(env: Record<string, string>) {
  const child = spawn(process.execPath, launchArgs('src/main.ts'), {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, CHART_THREADS: '1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: LogLine[] = [];
  const waiters: Array<{ match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }> = [];
  let partial = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const text of parts) {
      let parsed: LogLine;
      try {
        parsed = JSON.parse(text) as LogLine;
      } catch {
        parsed = { msg: text };
      }
      lines.push(parsed);
      for (const waiter of waiters.filter((w) => w.match(parsed))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(parsed);
      }
    }
  });
  const line = (match: (line: LogLine) => boolean): Promise<LogLine> => {
    const found = lines.find(match);
    return found ? Promise.resolve(found) : new Promise((resolve) => waiters.push({ match, resolve }));
  };
  const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
  return { child, line, exited, lines };
}

/** The value of one series in Prometheus text, or undefined when it is not there. */
export function sample(text: string, series: string): number | undefined {
  const found = text.split('\n').find((l) => l.startsWith(`${series} `));
  return found === undefined ? undefined : Number(found.slice(series.length + 1));
}

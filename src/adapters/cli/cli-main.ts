import { parseArgs } from 'node:util';
import { createRenderer } from '../../render/renderer.js';

const FLAGS = {
  json: { type: 'boolean', default: false },
  out: { type: 'string', default: 'out' },
  theme: { type: 'string', default: 'light' },
  'no-charts': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function readFlags(argv: string[]) {
  try {
    const parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: FLAGS });
    if (parsed.values.theme !== 'light' && parsed.values.theme !== 'dark') {
      return { error: `--theme: "${parsed.values.theme}" is not one of light, dark.` };
    }
    return { parsed };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * `npm run cli -- [--json] [--out DIR] [--theme light|dark] [--no-charts] "/logloss y=1 p=0.85"`.
 * Exit code: 0 answer, 2 user error, 1 internal error.
 */
async function main(argv: string[]): Promise<number> {
  const flags = readFlags(argv);
  if (!flags.parsed) {
    process.stderr.write(`user error: ${flags.error}\nUsage: npm run cli -- [--json] [--out DIR] [--theme light|dark] [--no-charts] "/logloss y=1 p=0.85"\n`);
    return 2;
  }
  const { values, positionals } = flags.parsed;
  const line = positionals.join(' ');
  // With --json even an empty command is answered as one JSON object (the core's empty-command error).
  const help = values.help || (line.trim().length === 0 && !values.json);
  // The render thread starts first, and loads Vega and canvas (~0.3 s) while this thread loads
  // the rest of lossbot (one-shot.ts, ~0.2 s): the chart arrives that much sooner. One thread:
  // a second would load its own Vega and canvas (~0.4 s of CPU on a 2-core host) to draw one
  // chart; peak RSS 144 MB against 190 MB with two (measured here).
  const renderer = help || values['no-charts'] ? undefined : createRenderer({ threads: 1, startNow: true });
  // Closed on every way out: a render thread still loading canvas when the process exits takes it down.
  try {
    const { answerOneShot, helpText } = await import('./one-shot.js');
    if (help) {
      process.stdout.write(`${helpText()}\n`);
      return values.help ? 0 : 2;
    }
    const theme = values.theme === 'dark' ? 'dark' : 'light';
    const result = await answerOneShot(line, { json: values.json, outDir: values.out, theme, renderer });
    if (result.stdout) process.stdout.write(`${result.stdout}\n`);
    if (result.stderr) process.stderr.write(`${result.stderr}\n`);
    return result.exitCode;
  } finally {
    await renderer?.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`internal error: ${message}\n`);
    process.exitCode = 1;
  },
);

import { createInterface } from 'node:readline';
import type { Lossbot } from '../../app.js';
import { answerOnce } from './answer-once.js';
import { cliHelp } from './cli-help.js';

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Interactive: a prompt and a greeting. Otherwise one answer per input line, nothing else. */
  interactive: boolean;
  outDir: string;
}

const QUIT = new Set(['quit', 'exit', '/quit', '/exit']);
const HELP = new Set(['help', '/help', '?']);

/**
 * The local console `npm start` opens when no platform credentials are set: type a command, read
 * the reply. Resolves when the input ends or the user quits.
 */
export async function runConsole(bot: Lossbot, options: ConsoleOptions): Promise<void> {
  const { output } = options;
  const lines = createInterface({ input: options.input, output: options.interactive ? output : undefined, terminal: options.interactive });
  const say = (text: string) => output.write(`${text}\n`);
  if (options.interactive) {
    say('lossbot console: no Discord or Slack credentials are set, so answers appear here.');
    say('Try /logloss y=1,0,1 p=0.9,0.2,0.7 or /entropy q=0.3,0.7 p=0.5,0.5; "help" lists everything, "quit" leaves.');
    lines.setPrompt('lossbot> ');
    lines.prompt();
  }
  for await (const raw of lines) {
    const line = raw.trim();
    if (line.length > 0) {
      if (QUIT.has(line.toLowerCase())) break;
      if (HELP.has(line.toLowerCase())) say(cliHelp(bot.registry));
      else {
        const result = await answerOnce(bot, line, { json: false, outDir: options.outDir, theme: 'light' });
        say(result.stdout || result.stderr);
        if (!options.interactive) say('');
      }
    }
    if (options.interactive) lines.prompt();
  }
  lines.close();
}

import type { Lossbot } from '../../app.js';
import type { ChartTheme } from '../../core/command.js';
import type { Reply } from '../../core/reply.js';
import { readCsvFile } from './read-csv-file.js';
import { renderJson } from './render-json.js';
import { renderText } from './render-text.js';
import { writeImages } from './write-images.js';

export interface AnswerOptions {
  json: boolean;
  outDir: string;
  theme: ChartTheme;
}

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: 0 | 1 | 2;
}

export function exitCodeOf(reply: Reply): 0 | 1 | 2 {
  if (reply.ok) return 0;
  return reply.error?.code === 'internal' ? 1 : 2;
}

/** One command line in, one answer out: what the CLI and the console share. */
export async function answerOnce(bot: Lossbot, line: string, options: AnswerOptions): Promise<CliResult> {
  const reply = await bot.dispatcher.handleLine(line, bot.context(options.theme, { readCsv: readCsvFile }));
  const paths = await writeImages(reply.images, options.outDir);
  const text = renderText(reply, paths);
  const exitCode = exitCodeOf(reply);
  if (options.json) return { stdout: renderJson(reply, text, paths), stderr: '', exitCode };
  return reply.ok ? { stdout: text, stderr: '', exitCode } : { stdout: '', stderr: text, exitCode };
}

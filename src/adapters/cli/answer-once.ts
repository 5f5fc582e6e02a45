import type { Lossbot } from '../../app.js';
import type { Theme } from '../../core/render-jobs.js';
import type { Reply } from '../../core/reply.js';
import { readCsvFile } from './read-csv-file.js';
import { renderJson } from './render-json.js';
import { renderText } from './render-text.js';
import { writeImages } from './write-images.js';

export interface AnswerOptions {
  json: boolean;
  outDir: string;
  theme: Theme;
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

/**
 * One command line in, one answer out: what the CLI and the console share. A terminal's verbs
 * are all the same one: keep the reply to print it; there is nothing to acknowledge.
 */
export async function answerOnce(bot: Lossbot, line: string, options: AnswerOptions): Promise<CliResult> {
  let reply: Reply | undefined;
  const keep = async (answer: Reply) => {
    reply = answer;
  };
  await bot.serve(
    { platform: 'cli', userId: 'local', input: { line }, theme: options.theme, local: true },
    { reject: keep, acknowledge: async () => undefined, readFile: readCsvFile, deliver: keep, apologize: keep },
  );
  const answer = reply ?? bot.dispatcher.internalErrorReply('', new Error('the request ended without an answer'));
  const paths = await writeImages(answer.images, options.outDir);
  const text = renderText(answer, paths);
  const exitCode = exitCodeOf(answer);
  if (options.json) return { stdout: renderJson(answer, text, paths), stderr: '', exitCode };
  return answer.ok ? { stdout: text, stderr: '', exitCode } : { stdout: '', stderr: text, exitCode };
}

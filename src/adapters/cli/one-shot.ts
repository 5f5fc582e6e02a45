import { createLossbot } from '../../app.js';
import { loadConfig } from '../../config.js';
import { readStoreConfig } from '../../store/store-config.js';
import { StoreProgress } from '../../store/store-progress.js';
import { createLogger } from '../../core/logger.js';
import type { Renderer, Theme } from '../../core/render-jobs.js';
import { commands } from '../../../commands/index.js';
import { CommandRegistry } from '../../core/registry.js';
import { answerOnce, type CliResult } from './answer-once.js';
import { cliHelp } from './cli-help.js';

export interface OneShotOptions {
  json: boolean;
  outDir: string;
  theme: Theme;
  /** The CLI's render service, started before this module loaded; undefined without pictures. */
  renderer: Renderer | undefined;
}

/** The CLI's answer to one command line, with the bot made for it and closed after. */
export async function answerOneShot(line: string, options: OneShotOptions): Promise<CliResult> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // Opened only if the command uses it (practice, forget-me): other answers never wait for it.
  const progress = new StoreProgress(readStoreConfig(), logger);
  const bot = createLossbot({ logger, charts: options.renderer !== undefined, renderer: options.renderer, progress });
  try {
    return await answerOnce(bot, line, { json: options.json, outDir: options.outDir, theme: options.theme });
  } finally {
    await bot.close();
    await progress.close();
  }
}

export const helpText = (): string => cliHelp(new CommandRegistry(commands));

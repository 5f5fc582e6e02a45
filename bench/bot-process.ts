import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
// The e2e tests' harness: the real `npm start` entry against the local fake Discord.
import { APP_ID, FakeDiscord } from '../test/discord/fake-discord.js';
import { slashCommand } from '../test/discord/interactions.js';
import { builtEntryArgs, projectFolder } from './built-entry.js';

export interface BotProcess {
  child: ChildProcess;
  pid: number;
  /** Resolves when the log says every platform is up. */
  running: Promise<void>;
  /** SIGTERM, then the exit. */
  stop(): Promise<void>;
}

/**
 * `npm start`'s entry with a Discord token, pointed at `fake`, with default settings otherwise
 * (no CHART_THREADS): what an operator runs.
 */
export function startBot(fake: FakeDiscord, env: Record<string, string> = {}): BotProcess {
  const child = spawn(process.execPath, builtEntryArgs('main'), {
    cwd: projectFolder(),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DISCORD_TOKEN: 'bench-token.not-a-secret-0123456789', DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = once(child, 'exit');
  let logs = '';
  const running = new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      logs += chunk.toString();
      if (logs.includes('lossbot is running')) resolve();
    });
    void exited.then(() => reject(new Error(`the bot exited before it was running: ${logs.slice(-2000)}`)));
  });
  running.catch(() => undefined);
  return {
    child,
    pid: child.pid ?? 0,
    running,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One slash command through the fake gateway; resolves when its final answer (the edited message) arrives. */
export async function ask(fake: FakeDiscord, name: string, options: Record<string, string>): Promise<{ embeds: number }> {
  const interaction = slashCommand(name, options);
  const edit = fake.request('PATCH', new RegExp(`^/api/v10/webhooks/${APP_ID}/${interaction.token}/messages/@original$`));
  fake.dispatch('INTERACTION_CREATE', interaction);
  const body = (await edit).json as { embeds?: unknown[] };
  return { embeds: (body.embeds ?? []).length };
}

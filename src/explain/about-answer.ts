import packageJson from '../../package.json' with { type: 'json' };
import type { Answer, RunContext } from '../core/command.js';
import { formatCount } from '../core/format.js';
import { weekStartMs, type WeekUsage } from '../core/server-activity.js';
import { counted } from '../core/wording.js';
import { README_WHERE } from './help-answer.js';

/** What lossbot keeps, in one paragraph: the README's "Privacy" section, said the same way. */
export const STORED = [
  'lossbot stores only what practice needs: for each practice answer, the platform, the server, your user id there, the kind of problem and its level, right or wrong, the mistake and the time (for /practice stats, spaced review and the leaderboard);',
  'for each server, the settings its admins chose and how many times each command was answered per day (counts only, no user ids).',
  'Never any message text. Practice rows are deleted after 365 days, and /lossbot forget-me deletes yours at once.',
].join(' ');

function usageField(week: WeekUsage): string {
  const commands = Object.entries(week.commands).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return [
    `${counted(week.attempts, 'practice answer')} by ${counted(week.students, 'student')}`,
    commands.length > 0 ? `commands answered: ${commands.map(([name, n]) => `/${name} ${formatCount(n)}`).join(', ')}` : 'no commands counted yet',
  ].join('; ');
}

/**
 * `/lossbot about`: the version, what is stored, where to read more; for those who may manage
 * the server, its usage this week (since Monday 00:00 UTC).
 */
export async function buildAboutAnswer(ctx: RunContext, nowMs: number = Date.now()): Promise<Answer> {
  const readMore = ctx.docsUrl ?? README_WHERE;
  const fields = [
    { name: 'Version', value: packageJson.version, inline: true },
    { name: 'What is stored', value: STORED },
    { name: 'Read more', value: `Every command, option and setting: ${readMore}.` },
  ];
  const data: Record<string, unknown> = { topic: 'about', version: packageJson.version, readMore, week: null };
  const server = ctx.server;
  const asker = ctx.asker;
  if (server?.serverId && asker && ctx.activity && (await server.canManage?.().catch(() => false))) {
    const since = weekStartMs(nowMs);
    try {
      const week = await ctx.activity.week(asker.platform, server.serverId, since);
      fields.push({ name: 'This server this week (since Monday 00:00 UTC)', value: usageField(week) });
      data['week'] = { since: new Date(since).toISOString(), ...week };
    } catch {
      fields.push({ name: 'This server this week', value: 'The database could not be reached just now; please try again in a minute.' });
    }
  }
  return { title: 'lossbot: about', summary: `lossbot ${packageJson.version}: a study bot that computes and explains log loss, entropy and KL divergence with your own numbers.`, fields, images: [], data };
}

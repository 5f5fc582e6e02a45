import type { Answer, RunContext } from '../core/command.js';
import { messages } from '../core/messages.js';
import { err, ok } from '../core/result.js';
import { weekStartMs, type LeaderRow } from '../core/server-activity.js';
import { userError, type Parsed } from '../core/user-error.js';
import { counted } from '../core/wording.js';

/** The most rows shown: a top ten a channel reads at a glance. */
export const LEADERBOARD_ROWS = 10;

/**
 * A student as the platform writes a mention (shown as their name, in the summary: a code block
 * would show the raw id). Slack's user ids are kept as `team:user`.
 */
export function mention(platform: string, userId: string): string {
  if (platform === 'discord') return `<@${userId}>`;
  if (platform === 'slack') return `<@${userId.slice(userId.indexOf(':') + 1)}>`;
  return userId;
}

function line(platform: string, row: LeaderRow, rank: number): string {
  return `${rank}. ${mention(platform, row.userId)}: ${counted(row.correct, 'correct answer')}`;
}

/**
 * `/practice leaderboard`: this server's students by correct answers this week (since Monday
 * 00:00 UTC), when its admins turned it on. `/lossbot forget-me` deletes a student's attempts,
 * so they drop off it.
 */
export async function buildLeaderboardAnswer(ctx: RunContext, nowMs: number = Date.now()): Promise<Parsed<Answer>> {
  const server = ctx.server;
  const platform = ctx.asker?.platform ?? '';
  if (!server?.serverId) return err(userError('no-server', messages.leaderboardNoServer()));
  if (server.settings.leaderboard !== 'on') return err(userError('leaderboard-off', messages.leaderboardOff()));
  const since = weekStartMs(nowMs);
  const answer = (summary: string, rows: LeaderRow[] | null): Answer => ({
    title: 'Practice leaderboard: this week',
    summary,
    fields: [],
    images: [],
    data: { topic: 'leaderboard', since: new Date(since).toISOString(), rows: rows?.map((r) => ({ userId: r.userId, correct: r.correct })) ?? null },
  });
  if (!ctx.activity) return ok(answer('This bot has no database, so there is no practice to rank.', null));
  let rows: LeaderRow[];
  try {
    rows = await ctx.activity.leaderboard(platform, server.serverId, since, LEADERBOARD_ROWS);
  } catch {
    return ok(answer('The database could not be reached just now; please try again in a minute.', null));
  }
  if (rows.length === 0) return ok(answer('No correct practice answers in this server yet this week (since Monday 00:00 UTC): /practice poses a problem.', rows));
  const note = 'Correct answers since Monday 00:00 UTC. /lossbot forget-me takes you off it (it deletes your practice history).';
  return ok(answer([...rows.map((row, i) => line(platform, row, i + 1)), '', note].join('\n'), rows));
}

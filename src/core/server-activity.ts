/**
 * A server's activity as course staff see it: `/lossbot about`'s figures for the week and
 * `/practice leaderboard`. Read from the practice attempts (and the per-day command counts, which
 * hold no user id); the database behind it is the entry point's business.
 */

/** A week starts on Monday 00:00 UTC, as a course's weekly rhythm does; "this week" counts from there. */
export function weekStartMs(nowMs: number): number {
  const day = new Date(nowMs);
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return midnight - sinceMonday * 24 * 60 * 60 * 1000;
}

export interface WeekUsage {
  /** Practice answers checked since the week's start. */
  attempts: number;
  /** Distinct students among them. */
  students: number;
  /** Commands answered per command since the week's start, when they are counted. */
  commands: Record<string, number>;
}

export interface LeaderRow {
  /** As stored: Slack's are `team:user`. */
  userId: string;
  correct: number;
}

export interface ServerActivity {
  week(platform: string, serverId: string, sinceMs: number): Promise<WeekUsage>;
  /** The students with the most correct answers since `sinceMs`, most first, at most `limit`. */
  leaderboard(platform: string, serverId: string, sinceMs: number, limit: number): Promise<LeaderRow[]>;
}

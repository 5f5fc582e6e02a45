import type { Answer, RunContext } from '../core/command.js';
import type { PracticeStats } from '../core/progress.js';
import { counted, sharePercent } from '../core/wording.js';

const answer = (summary: string, stats: PracticeStats | null): Answer => ({
  title: 'Practice: your figures',
  summary,
  fields: [],
  images: [],
  data: stats ? { topic: 'stats', ...stats } : { topic: 'stats', attempts: null, correct: null, streak: null, byTopic: null },
});

/** `/practice stats`: the asker's attempts, correct answers, streak and per-topic figures. */
export async function buildStatsAnswer(ctx: RunContext): Promise<Answer> {
  if (!ctx.progress || !ctx.asker) return answer('This bot keeps no practice progress (it has no database), so there are no figures to show.', null);
  let stats: PracticeStats;
  try {
    stats = await ctx.progress.stats(ctx.asker);
  } catch {
    return answer('The database could not be reached, so your figures cannot be shown now; please try again in a minute.', null);
  }
  if (stats.attempts === 0) return answer('No practice answers yet: try `/practice`, then `/answer id=… value=…`.', stats);
  const topics = Object.entries(stats.byTopic).map(([topic, t]) => `${topic} ${t.correct}/${t.attempts}`).join(', ');
  const summary = [
    `**${counted(stats.correct, 'correct answer')} of ${counted(stats.attempts, 'attempt')}** (${sharePercent(stats.correct / stats.attempts)}); current streak ${stats.streak}.`,
    `By topic: ${topics}.`,
  ].join('\n\n');
  return { ...answer(summary, stats), fields: Object.entries(stats.byTopic).map(([topic, t]) => ({ name: topic, value: `${t.correct} of ${t.attempts} correct`, inline: true })) };
}

import type { Answer, RunContext } from '../core/command.js';
import { counted } from '../core/wording.js';

const PLATFORM_NAMES: Record<string, string> = { discord: 'Discord', slack: 'Slack', cli: 'this computer' };

/** What each kept attempt holds, said the same way wherever lossbot says what it keeps (README, "Privacy"). */
export const KEPT = 'the kind of problem, its level, right or wrong, the mistake, the server and when';

/**
 * `/lossbot forget-me`: deletes everything lossbot keeps about the asker, at once, and says what
 * went. Kept rows are practice attempts only; no message text is ever stored.
 */
export async function buildForgetMeAnswer(ctx: RunContext): Promise<Answer> {
  const where = PLATFORM_NAMES[ctx.asker?.platform ?? ''] ?? ctx.asker?.platform ?? 'this platform';
  const answer = (summary: string, deleted: number | null): Answer => ({ title: 'lossbot: forget me', summary, fields: [], images: [], data: { topic: 'forget-me', deleted } });
  if (!ctx.progress || !ctx.asker) return answer('lossbot keeps nothing about you here: this bot has no database, so practice progress is not saved. It never stores message text.', 0);
  try {
    const deleted = await ctx.progress.forget(ctx.asker);
    return deleted === 0
      ? answer(`lossbot kept nothing about you on ${where}: no practice attempts. It never stores message text.`, 0)
      : answer(`Deleted everything lossbot kept about you on ${where}: ${counted(deleted, 'practice attempt')} (${KEPT}). It never stores message text.`, deleted);
  } catch {
    return answer('The database could not be reached, so nothing was deleted yet; please try again in a minute.', null);
  }
}

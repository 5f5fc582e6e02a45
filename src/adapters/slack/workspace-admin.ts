import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../core/logger.js';

/**
 * Whether a Slack user may change lossbot's settings: one the operator lists (SLACK_ADMIN_USERS),
 * or a workspace admin or owner as `users.info` says (scope users:read). Slack has no per-command
 * permissions, so this is asked of Slack itself; a failed call refuses, logged with Slack's code.
 */
export async function mayManage(client: WebClient, userId: string, adminUsers: readonly string[], logger: Logger): Promise<boolean> {
  if (adminUsers.includes(userId)) return true;
  try {
    const info = await client.users.info({ user: userId });
    return info.user?.is_admin === true || info.user?.is_owner === true;
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'users.info failed: the settings change is refused');
    return false;
  }
}

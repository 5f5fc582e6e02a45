import { z } from 'zod';
import { ConfigError, parseEnv } from '../../config.js';

interface Common {
  botToken: string;
  /** The Web API base (`https://slack.com/api/` when unset); tests point it at a local fake. */
  apiUrl: string | undefined;
  /** Users who may change lossbot's settings besides the workspace's admins and owners (SLACK_ADMIN_USERS). */
  adminUsers?: readonly string[];
}

/** Socket Mode needs no public URL (self-hosting); HTTP mode runs behind a load balancer. */
export type SlackConfig = (Common & { mode: 'socket'; appToken: string }) | (Common & { mode: 'http'; signingSecret: string; port: number });

const schema = z.object({
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must be a bot token (xoxb-…)').optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must be an app-level token (xapp-…)').optional(),
  SLACK_SIGNING_SECRET: z.string().min(8, 'looks too short to be a signing secret').optional(),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  SLACK_API_URL: z.url().optional(),
  SLACK_ADMIN_USERS: z.string().regex(/^\s*[UW][A-Z0-9]+\s*(,\s*[UW][A-Z0-9]+\s*)*$/, 'expected Slack user ids separated by commas (U0123ABCD,U0456EFGH)').optional(),
});

/**
 * undefined when no Slack variable is set. Socket Mode with SLACK_APP_TOKEN, else HTTP mode with
 * SLACK_SIGNING_SECRET; errors name the missing variable, never a value.
 */
export function readSlackConfig(env: NodeJS.ProcessEnv = process.env): SlackConfig | undefined {
  const parsed = parseEnv(schema, env, 'Slack settings');
  const { SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken, SLACK_SIGNING_SECRET: signingSecret, PORT: port, SLACK_API_URL, SLACK_ADMIN_USERS } = parsed;
  if (!botToken && !appToken && !signingSecret) return undefined;
  if (!botToken) throw new ConfigError('Set SLACK_BOT_TOKEN (the xoxb- token from "OAuth & Permissions") to run the Slack app. See .env.example.');
  const apiUrl = SLACK_API_URL ? SLACK_API_URL.replace(/\/?$/, '/') : undefined;
  const admins = SLACK_ADMIN_USERS ? { adminUsers: SLACK_ADMIN_USERS.split(',').map((id) => id.trim()) } : {};
  if (appToken) return { mode: 'socket', botToken, appToken, apiUrl, ...admins };
  if (!signingSecret) throw new ConfigError('Set SLACK_APP_TOKEN for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode. See .env.example.');
  return { mode: 'http', botToken, signingSecret, port, apiUrl, ...admins };
}

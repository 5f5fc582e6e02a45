import { z } from 'zod';
import { parseEnv } from '../../config.js';

export interface DiscordConfig {
  token: string;
  /** Register commands in this guild only (instant) instead of globally (up to an hour). */
  guildId: string | undefined;
  /** The REST base (`https://discord.com/api` when unset); tests point it at a local fake. */
  apiUrl: string | undefined;
  /**
   * Tests only: the one origin (`http://127.0.0.1:PORT`) attachments are downloaded from, instead of
   * Discord's attachment hosts. Unset in production.
   */
  attachmentOrigin?: string;
}

const schema = z.object({
  DISCORD_TOKEN: z.string().min(20, 'looks too short to be a bot token').optional(),
  DISCORD_GUILD_ID: z.string().regex(/^\d{15,25}$/, 'must be a server id (digits)').optional(),
  DISCORD_API_URL: z.url().optional(),
  DISCORD_ATTACHMENT_ORIGIN: z.url({ protocol: /^https?$/, error: 'must be an http(s) origin such as http://127.0.0.1:8080' }).optional(),
});

/** undefined when DISCORD_TOKEN is not set: Discord is simply not started. Errors name the variable, never its value. */
export function readDiscordConfig(env: NodeJS.ProcessEnv = process.env): DiscordConfig | undefined {
  const parsed = parseEnv(schema, env, 'Discord settings');
  if (!parsed.DISCORD_TOKEN) return undefined;
  const { DISCORD_TOKEN: token, DISCORD_GUILD_ID: guildId, DISCORD_API_URL: apiUrl, DISCORD_ATTACHMENT_ORIGIN: attachmentOrigin } = parsed;
  return {
    token,
    guildId,
    apiUrl: apiUrl?.replace(/\/$/, ''),
    ...(attachmentOrigin ? { attachmentOrigin: new URL(attachmentOrigin).origin } : {}),
  };
}

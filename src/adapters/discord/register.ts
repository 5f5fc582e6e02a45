import { REST, Routes } from 'discord.js';
import { commands } from '../../../commands/index.js';
import { ConfigError } from '../../config.js';
import { readDiscordConfig } from './discord-config.js';
import { registrationPayload } from './registration.js';

/**
 * `npm run register`: sends the slash commands built from the declarations to Discord. Guild
 * commands (DISCORD_GUILD_ID set) appear at once; global ones can take up to an hour.
 */
export async function register(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const config = readDiscordConfig(env);
  if (!config) throw new ConfigError('Set DISCORD_TOKEN (the bot token from the Discord developer portal) to register the commands. See .env.example.');
  const rest = new REST({ version: '10', ...(config.apiUrl ? { api: config.apiUrl } : {}) }).setToken(config.token);
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  const route = config.guildId ? Routes.applicationGuildCommands(application.id, config.guildId) : Routes.applicationCommands(application.id);
  const registered = (await rest.put(route, { body: registrationPayload(commands) })) as unknown[];
  return `Registered ${registered.length} commands ${config.guildId ? `in server ${config.guildId}` : 'globally (they can take up to an hour to appear)'}.`;
}


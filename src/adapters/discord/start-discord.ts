import { Client, Events, GatewayIntentBits, MessageFlags, type Interaction } from 'discord.js';
import type { Lossbot } from '../../app.js';
import type { Logger } from '../../core/logger.js';
import type { RunningAdapter } from '../running-adapter.js';
import type { DiscordConfig } from './discord-config.js';
import { handleButton } from './handle-button.js';
import { handleCommand } from './handle-command.js';
import { handleAnswerModal } from './practice-answer.js';
import { inviteUrl } from './registration.js';

export interface DiscordAdapterOptions {
  config: DiscordConfig;
  lossbot: Lossbot;
  logger: Logger;
  /** Tests turn REST retries off; production keeps discord.js's retries for 5xx and 429. */
  restRetries?: number;
}

/** Any failure in one interaction is logged with its stack and answered with an apology and a reference id. */
async function safely(interaction: Interaction, run: () => Promise<void>, lossbot: Lossbot): Promise<void> {
  try {
    await run();
  } catch (error) {
    const command = interaction.isChatInputCommand() ? interaction.commandName : interaction.isModalSubmit() ? 'answer box' : 'button';
    const reply = lossbot.dispatcher.internalErrorReply(command, error);
    if (!interaction.isRepliable()) return;
    const content = reply.summary;
    try {
      if (interaction.deferred || interaction.replied) await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
      else await interaction.reply({ content, flags: MessageFlags.Ephemeral });
    } catch {
      // The interaction may have expired (Discord: 15 minutes); the error is logged already.
    }
  }
}

/** The Discord gateway bot: it only translates interactions to the core and Replies to messages. */
export async function startDiscord(options: DiscordAdapterOptions): Promise<RunningAdapter & { client: Client }> {
  const { config, lossbot, logger } = options;
  const log = logger.child({ platform: 'discord' });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), ...(options.restRetries === undefined ? {} : { retries: options.restRetries }) },
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) void safely(interaction, () => handleCommand(interaction, lossbot, config), lossbot);
    else if (interaction.isButton()) void safely(interaction, () => handleButton(interaction, lossbot), lossbot);
    else if (interaction.isModalSubmit()) void safely(interaction, () => handleAnswerModal(interaction, lossbot), lossbot);
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (_event, shard) => log.warn({ shard }, 'gateway connection closed; discord.js reconnects'));
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'gateway connection lost; reconnecting'));
  client.on(Events.ShardResume, (shard) => log.info({ shard }, 'gateway session resumed'));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(config.token);
  await ready;
  const applicationId = client.application?.id ?? client.user?.id ?? '';
  log.info({ user: client.user?.tag, shards: client.ws.shards.map((s) => s.id), invite: inviteUrl(applicationId) }, 'discord ready; invite the bot with the invite URL');
  return { name: 'discord', client, stop: () => client.destroy() };
}

import type { Answer, RunContext } from '../core/command.js';
import { messages } from '../core/messages.js';
import { err, ok } from '../core/result.js';
import { applied, CHOICE_SETTINGS, type ServerSettings, type ServerView, type StoredSettings } from '../core/server-settings.js';
import { userError, type Parsed } from '../core/user-error.js';

type Name = keyof ServerSettings;

const MEANING: Record<Name, string> = {
  answers: 'who sees the answers',
  base: 'the unit where a student gives no base=',
  theme: 'chart colours',
  practice: '/practice and /answer',
  leaderboard: '/practice leaderboard',
  channels: 'the channels lossbot answers in',
};

function shown(name: Name, settings: ServerSettings): string {
  if (name !== 'channels') return settings[name];
  return settings.channels.length === 0 ? 'all' : settings.channels.map((c) => (/^[CGD][A-Z0-9]{2,}$/.test(c) ? c : `#${c}`)).join(', ');
}

/** Slack has no per-channel command permissions, so only there does lossbot keep a channel list. */
function namesOn(platform: string | undefined): Name[] {
  return platform === 'slack' ? [...CHOICE_SETTINGS, 'channels'] : [...CHOICE_SETTINGS];
}

function isDefault(name: Name, settings: ServerSettings, platformTheme: ServerSettings['theme']): boolean {
  const defaults = applied({}, platformTheme);
  return shown(name, settings) === shown(name, defaults);
}

function settingsAnswer(platform: string | undefined, summary: string, changed: Record<string, { from: string; to: string }>, settings: ServerSettings): Answer {
  const platformTheme = themeOf(platform);
  const names = namesOn(platform);
  return {
    title: 'lossbot: server settings',
    summary,
    fields: names.map((name) => ({
      name,
      value: `${shown(name, settings)}${isDefault(name, settings, platformTheme) ? ' (default)' : ''}: ${MEANING[name]}`,
      inline: true,
    })),
    images: [],
    data: {
      topic: 'settings',
      settings: Object.fromEntries(names.map((name) => [name, name === 'channels' ? [...settings.channels] : settings[name]])),
      defaults: names.filter((name) => isDefault(name, settings, platformTheme)),
      changed,
      saved: Object.keys(changed).length > 0 ? true : null,
    },
  };
}

/** The platform's own chart colours (the adapters' IncomingRequest.theme): Discord dark, Slack and the CLI light. */
function themeOf(platform: string | undefined): ServerSettings['theme'] {
  return platform === 'discord' ? 'dark' : 'light';
}

/**
 * `/lossbot settings`: with no options the server's settings, each with its value and whether it
 * is the default; with options, the change, kept in the database and applied to every request
 * from then on, on every shard and replica (they are read per request).
 */
export async function buildSettingsAnswer(changes: StoredSettings, ctx: RunContext): Promise<Parsed<Answer>> {
  const platform = ctx.asker?.platform;
  const view: ServerView = ctx.server ?? { serverId: '', settings: applied({}, themeOf(platform)), stored: {} };
  const requested = Object.keys(changes) as Name[];
  if (requested.length === 0) {
    const where = !view.serverId ? messages.settingsNoServer() : view.unavailable === 'unreadable' ? messages.settingsUnreadable() : view.unavailable === 'no-database' ? messages.settingsNoDatabase() : 'The settings of this server; admins change them with, for example, /lossbot settings answers=private.';
    return ok(settingsAnswer(platform, where, {}, view.settings));
  }
  if (!view.serverId) return err(userError('no-server', messages.settingsNoServer()));
  if (changes.channels !== undefined && platform !== 'slack') return err(userError('not-on-platform', messages.settingsChannelsOnDiscord(), 'channels'));
  if (!view.save) return err(userError('settings-unavailable', messages.settingsNoDatabase()));
  if (!(await view.canManage?.().catch(() => false))) {
    return err(userError('not-allowed', platform === 'slack' ? messages.settingsNotAllowedSlack() : messages.settingsNotAllowedDiscord()));
  }
  let stored: StoredSettings;
  try {
    stored = await view.save(changes);
  } catch {
    return err(userError('settings-unavailable', messages.settingsUnsaved()));
  }
  const after = applied(stored, themeOf(platform));
  const changed: Record<string, { from: string; to: string }> = {};
  for (const name of requested) changed[name] = { from: shown(name, view.settings), to: shown(name, after) };
  const lines = requested.map((name) => (changed[name]?.from === changed[name]?.to ? `${name} stays ${changed[name]?.to}` : `${name}: ${changed[name]?.from} → ${changed[name]?.to}`));
  return ok(settingsAnswer(platform, `Changed for this server, from the next command on: ${lines.join('; ')}.`, changed, after));
}

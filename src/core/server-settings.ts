/**
 * What course staff set for their Discord server or Slack workspace, as the core sees it. The
 * database behind it (src/store/) is the entry point's business; a server whose settings cannot
 * be read runs with the defaults.
 */
import type { Command } from './command.js';
import { messages } from './messages.js';
import type { RawOption } from './parse-text.js';
import { userError, type UserError } from './user-error.js';

/** The settings and the values each takes, the first being the default. */
export const SETTING_CHOICES = {
  answers: ['public', 'private'],
  base: ['e', '2', '10'],
  theme: ['dark', 'light'],
  practice: ['on', 'off'],
  leaderboard: ['off', 'on'],
} as const;

export type ChoiceSetting = keyof typeof SETTING_CHOICES;
export const CHOICE_SETTINGS = Object.keys(SETTING_CHOICES) as ChoiceSetting[];

export type ServerSettings = { [K in ChoiceSetting]: (typeof SETTING_CHOICES)[K][number] } & {
  /** Slack only: the channels (ids or names) lossbot answers in; empty means every channel. */
  channels: readonly string[];
};

/** What a server set; a setting it never set is absent and takes its default. */
export type StoredSettings = Partial<ServerSettings>;

/** The defaults; `theme` has none of its own, the platform's (Discord dark, Slack light) applies. */
export const DEFAULT_SETTINGS: Omit<ServerSettings, 'theme'> = { answers: 'public', base: 'e', practice: 'on', leaderboard: 'off', channels: [] };

/** Where settings are kept, per platform and server. */
export interface SettingsSource {
  read(platform: string, serverId: string): Promise<StoredSettings>;
  /** Sets the given settings and keeps the others; returns the settings as stored after. */
  write(platform: string, serverId: string, changes: StoredSettings): Promise<StoredSettings>;
}

/** The settings of the server a request came from, as a command sees them. */
export interface ServerView {
  /** '' in a DM or the CLI: nothing to set there. */
  serverId: string;
  /** What applies to this request: the stored settings over the defaults. */
  settings: ServerSettings;
  /** What the server set ({} when it could not be read). */
  stored: StoredSettings;
  /** Why the stored settings are not known: no database at all, or it did not answer just now. */
  unavailable?: 'no-database' | 'unreadable';
  /** Absent in a DM, the CLI, or without a database. */
  save?: (changes: StoredSettings) => Promise<StoredSettings>;
  /** Whether the asker may change the settings (the adapter knows: Discord's Manage Server, Slack's admins). */
  canManage?: () => Promise<boolean>;
}

/** The command that shows and changes the settings: they never fill its own options. */
export const SETTINGS_COMMAND = 'lossbot';
/** What `practice=off` turns off. */
export const PRACTICE_COMMANDS: readonly string[] = ['practice', 'answer'];

export function applied(stored: StoredSettings, platformTheme: ServerSettings['theme']): ServerSettings {
  return { ...DEFAULT_SETTINGS, theme: platformTheme, ...stored };
}

/**
 * Options the server's defaults add to a request that did not give them, for commands that have
 * such an option: `base`. A student's own `base=` is kept (the caller adds only absent names).
 */
export function defaultOptions(settings: ServerSettings, command: Command): RawOption[] {
  if (command.name === SETTINGS_COMMAND || settings.base === DEFAULT_SETTINGS.base) return [];
  return command.options.some((o) => o.name === 'base') ? [{ name: 'base', value: settings.base }] : [];
}

/** A Slack channel entry as written (`#ml-help`, `ml-help`, `C0123ABC`), in the form it is compared. */
export function channelKey(entry: string): string {
  const trimmed = entry.trim().replace(/^#/, '');
  return /^[CGD][A-Z0-9]{2,}$/.test(trimmed) ? trimmed : trimmed.toLowerCase();
}

/** Whether a channel (its id and, where the platform says it, its name) is on the server's list. */
export function channelAllowed(settings: ServerSettings, channelId: string | undefined, channelName: string | undefined): boolean {
  if (settings.channels.length === 0) return true;
  const keys = new Set(settings.channels.map(channelKey));
  // Slack's channel ids are kept as `team:channel` (ids are unique per workspace only).
  const id = channelId?.slice(channelId.lastIndexOf(':') + 1);
  return (id !== undefined && keys.has(id)) || (channelName !== undefined && keys.has(channelKey(channelName)));
}

/**
 * What a server's settings refuse before any work: a channel off its list (Slack), practice
 * turned off. `/lossbot` itself works everywhere, so an admin can always fix a wrong list.
 */
export function refusedHere(view: ServerView, command: string, channelId: string | undefined, channelName: string | undefined): UserError | undefined {
  if (command === SETTINGS_COMMAND) return undefined;
  if (!channelAllowed(view.settings, channelId, channelName)) return userError('channel-not-allowed', messages.channelNotAllowed(view.settings.channels));
  if (view.settings.practice === 'off' && PRACTICE_COMMANDS.includes(command)) return userError('practice-off', messages.practiceOff());
  return undefined;
}

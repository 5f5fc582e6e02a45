import type { ParsedArgs } from '../args.js';
import { messages } from '../messages.js';
import type { ChoiceOption, TokensOption } from '../options.js';
import { err, ok } from '../result.js';
import { CHOICE_SETTINGS, SETTING_CHOICES, type StoredSettings } from '../server-settings.js';
import { userError, type Parsed } from '../user-error.js';

const DESCRIPTIONS: Record<(typeof CHOICE_SETTINGS)[number], string> = {
  answers: 'With settings: public (default) or private, every answer shown to the asker alone',
  base: 'With settings: the unit where a student gives no base=: e (nats, default), 2 (bits), 10',
  theme: 'With settings: chart colours, dark or light (default: the platform\'s)',
  practice: 'With settings: on (default) or off, /practice and /answer turned off',
  leaderboard: 'With settings: off (default) or on, /practice leaderboard for this server',
};

/** `/lossbot settings`'s options: choices without a default, so a setting not given stays as it is. */
export const SETTINGS_OPTIONS: ReadonlyArray<ChoiceOption | TokensOption> = [
  ...CHOICE_SETTINGS.map((name): ChoiceOption => ({ name, kind: 'choice', choices: SETTING_CHOICES[name], placeholder: `<${name}>`, description: DESCRIPTIONS[name] })),
  { name: 'channels', kind: 'tokens', placeholder: '<channels>|all', what: 'Slack channel names or ids, or all', description: 'With settings, Slack only: the channels lossbot answers in (names or ids), or all' },
];

const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;
/** Slack: channel names are lower-case letters, digits, hyphens and underscores, at most 80 characters. */
const CHANNEL_NAME = /^#?[a-z0-9_-][a-z0-9_.-]{0,79}$/;

/** The settings a request changes ({} for none); `channels=all` is an empty list: every channel. */
export function readSettingChanges(args: ParsedArgs): Parsed<StoredSettings> {
  const changes: Record<string, unknown> = {};
  for (const name of CHOICE_SETTINGS) {
    const value = args.choice(name);
    if (value) changes[name] = value;
  }
  const channels = args.tokens('channels');
  if (channels) {
    const entries = channels.tokens.map((t) => t.trim()).filter((t) => t.length > 0);
    if (entries.length === 0) return err(userError('empty-value', messages.settingsChannelsEmpty(), 'channels'));
    if (entries.length === 1 && entries[0]?.toLowerCase() === 'all') changes['channels'] = [];
    else {
      const bad = entries.find((e) => !CHANNEL_ID.test(e) && !CHANNEL_NAME.test(e.toLowerCase()));
      if (bad !== undefined) return err(userError('invalid-choice', messages.settingsChannelBad(bad), 'channels'));
      changes['channels'] = [...new Set(entries.map((e) => (CHANNEL_ID.test(e) ? e : e.replace(/^#/, '').toLowerCase())))];
    }
  }
  return ok(changes as StoredSettings);
}

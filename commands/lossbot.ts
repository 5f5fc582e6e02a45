import type { ParsedArgs } from '../src/core/args.js';
import { defineCommand, type Answer, type Command, type RunContext } from '../src/core/command.js';
import { readSettingChanges, SETTINGS_OPTIONS } from '../src/core/input/settings-input.js';
import { messages } from '../src/core/messages.js';
import { err, ok } from '../src/core/result.js';
import type { StoredSettings } from '../src/core/server-settings.js';
import { userError, type Parsed } from '../src/core/user-error.js';
import { buildAboutAnswer } from '../src/explain/about-answer.js';
import { buildForgetMeAnswer } from '../src/explain/forget-me-answer.js';
import { buildHelpAnswer } from '../src/explain/help-answer.js';
import { buildSettingsAnswer } from '../src/explain/settings-answer.js';

/** What `/lossbot` answers, by topic; another topic is one more entry here. */
const TOPICS = {
  help: async (_changes, commands) => ok(buildHelpAnswer(commands)),
  'forget-me': async (_changes, _commands, ctx) => ok(await buildForgetMeAnswer(ctx)),
  settings: async (changes, _commands, ctx) => buildSettingsAnswer(changes, ctx),
  about: async (_changes, _commands, ctx) => ok(await buildAboutAnswer(ctx)),
} satisfies Record<string, (changes: StoredSettings, commands: readonly Command[], ctx: RunContext) => Promise<Parsed<Answer>>>;

type Topic = keyof typeof TOPICS;
const TOPIC_NAMES = Object.keys(TOPICS) as Topic[];

interface LossbotRequest {
  topic: Topic;
  /** `/lossbot settings`'s changes; {} shows the settings. */
  changes: StoredSettings;
}

/**
 * `/lossbot`: the bot about itself. It lists the other commands, so it takes the list as a
 * function: commands/index.ts passes its own list, read only when someone asks.
 *
 * Who may change the settings is checked per topic, not with Discord's
 * `default_member_permissions`: that is set per command, and every student must be able to run
 * `/lossbot help` and `/lossbot forget-me`, so the adapters say whether the asker may manage the
 * server (Discord: Manage Server on the interaction; Slack: admins and owners).
 */
export default function lossbot(listed: () => readonly Command[]): Command {
  return defineCommand<LossbotRequest>({
    name: 'lossbot',
    description: 'Help: every lossbot command with an example; about; server settings; forget-me',
    options: [
      {
        name: 'topic', kind: 'choice', choices: TOPIC_NAMES, default: 'help', positional: true, placeholder: '<topic>',
        description: 'help (default); forget-me: delete what lossbot keeps about you; settings; about',
      },
      ...SETTINGS_OPTIONS,
    ],
    examples: ['/lossbot help', '/lossbot', '/lossbot forget-me', '/lossbot about', '/lossbot settings', '/lossbot settings answers=private base=2'],
    check: checkLossbot,
    // Settings and about are the asker's business (an admin's changes, the server's figures); help is for the channel.
    personal: (args) => args.choice('topic') !== 'help',
    async run(request, ctx) {
      return TOPICS[request.topic](request.changes, listed(), ctx);
    },
  });
}

function checkLossbot(args: ParsedArgs): Parsed<LossbotRequest> {
  const topic = (args.choice('topic') ?? 'help') as Topic;
  const changes = readSettingChanges(args);
  if (!changes.ok) return changes;
  const given = Object.keys(changes.value)[0];
  if (given !== undefined && topic !== 'settings') return err(userError('conflicting-options', messages.settingOutsideSettings(given, topic), given));
  return ok({ topic, changes: changes.value });
}

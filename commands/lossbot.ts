import { defineCommand, type Answer, type Command, type RunContext } from '../src/core/command.js';
import { ok } from '../src/core/result.js';
import { buildForgetMeAnswer } from '../src/explain/forget-me-answer.js';
import { buildHelpAnswer } from '../src/explain/help-answer.js';

/** What `/lossbot` answers, by topic; another topic (about, settings…) is one more entry here. */
const TOPICS = {
  help: async (commands) => buildHelpAnswer(commands),
  'forget-me': async (_commands, ctx) => buildForgetMeAnswer(ctx),
} satisfies Record<string, (commands: readonly Command[], ctx: RunContext) => Promise<Answer>>;

type Topic = keyof typeof TOPICS;
const TOPIC_NAMES = Object.keys(TOPICS) as Topic[];

/**
 * `/lossbot`: the bot about itself. It lists the other commands, so it takes the list as a
 * function: commands/index.ts passes its own list, read only when someone asks.
 */
export default function lossbot(listed: () => readonly Command[]): Command {
  return defineCommand<Topic>({
    name: 'lossbot',
    description: 'Help: every lossbot command with an example, and where to read more',
    options: [
      {
        name: 'topic', kind: 'choice', choices: TOPIC_NAMES, default: 'help', positional: true, placeholder: '<topic>',
        description: 'help: every command with an example (default); forget-me: delete what lossbot keeps about you',
      },
    ],
    examples: ['/lossbot help', '/lossbot', '/lossbot forget-me'],
    check: (args) => ok((args.choice('topic') ?? 'help') as Topic),
    personal: (args) => args.choice('topic') === 'forget-me',
    async run(topic, ctx) {
      return ok(await TOPICS[topic](listed(), ctx));
    },
  });
}

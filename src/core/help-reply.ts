import type { Command } from './command.js';
import type { Reply } from './reply.js';
import { helpText, usageText } from './usage.js';

/** What people type after a command when they want to know how to use it. */
const HELP_WORD = /^(?:help|--help|-h)$/i;

/**
 * `/logloss help`, `/entropy --help`: the option text is a request for help, not input. A command
 * whose positional option takes the word as a value (`/lossbot help`) answers it itself.
 */
export function asksForHelp(command: Command, optionText: string): boolean {
  const word = optionText.trim().toLowerCase();
  if (!HELP_WORD.test(word)) return false;
  return !command.options.some((o) => o.kind === 'choice' && o.positional === true && o.choices.includes(word));
}

/** The command's generated help as an answer: asking how to use a command is not a mistake. */
export function helpReply(command: Command): Reply {
  return {
    ok: true,
    command: command.name,
    title: `How to use /${command.name}`,
    summary: helpText(command),
    fields: [],
    images: [],
    data: { help: helpText(command), usage: usageText(command) },
  };
}

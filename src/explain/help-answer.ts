import type { Answer, Command } from '../core/command.js';

/**
 * Where a reader finds every option, the CSV format and the charts. There is no public address
 * yet; when there is one, put the URL here: Discord, Slack and terminals all link a bare URL.
 */
export const README_WHERE = 'the README in the lossbot repository';

/**
 * `/lossbot help`: every command with its first example, one field each, so a phone shows a short
 * bold name, one line of what it does and the example as inline code to copy.
 */
export function buildHelpAnswer(commands: readonly Command[]): Answer {
  const listed = commands.map((command) => ({ name: command.name, description: command.description, example: command.examples[0] ?? `/${command.name}` }));
  return {
    title: 'lossbot: every command',
    summary: [
      'Each command with one example to try.',
      'Options are written `name=value`; on Discord, fill in the option boxes with the same values.',
    ].join('\n'),
    fields: [
      ...listed.map((command) => ({ name: `/${command.name}`, value: `${command.description}\n\`${command.example}\`` })),
      { name: 'Read more', value: `Every option, the CSV format and the charts: ${README_WHERE}.` },
    ],
    images: [],
    data: { topic: 'help', commands: listed, readMore: README_WHERE },
  };
}

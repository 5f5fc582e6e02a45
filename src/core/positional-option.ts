import type { Command } from './command.js';

/** A first word that does not itself start an option (`name=value`, or `name:value` as Discord users type). */
const LEADING_WORD = /^\s*([^\s=:]+)(?=\s|$)(?!\s*[=:])/;

/**
 * A command's option text with its leading bare word named, so `/lossbot help` reads as
 * `/lossbot topic=help` and the one text parser does the rest. Text without such a word, or a
 * command without a positional option, comes back unchanged.
 */
export function namePositional(command: Command | undefined, text: string): string {
  const positional = command?.options.find((o) => o.kind === 'choice' && o.positional === true);
  if (!positional) return text;
  const match = LEADING_WORD.exec(text);
  if (!match) return text;
  return `${positional.name}=${match[1] ?? ''}${text.slice(match[0].length)}`;
}

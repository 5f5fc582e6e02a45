import type { Command } from './command.js';
import { messages } from './messages.js';
import type { RawOption } from './parse-text.js';
import { userError, type UserError } from './user-error.js';

/** The most characters a platform keeps in one option value (Discord: 6,000 per string option). */
export interface ValueCap {
  chars: number;
  /** Named in the message: the user should know it is the platform that cut, not lossbot. */
  platform: string;
}

/**
 * A value exactly at the platform's cap may have lost its end on the way, and a cut list can
 * still parse (a silent wrong number): refuse it, and point to the CSV when the command reads one.
 */
export function cutOffValue(options: readonly RawOption[], cap: ValueCap, command: Command): UserError | undefined {
  const cut = options.find((option) => option.value.length >= cap.chars);
  if (!cut) return undefined;
  const csv = command.options.find((option) => option.kind === 'csv')?.name;
  return userError('value-cut-off', messages.valueCutOff(cut.name, cap.chars, cap.platform, csv), cut.name);
}

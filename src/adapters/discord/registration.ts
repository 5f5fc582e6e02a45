import type { Command } from '../../core/command.js';
import type { OptionSpec } from '../../core/options.js';
import { truncate } from '../../core/truncate.js';

/** Discord application command option types (API v10). */
const OPTION_TYPE = { string: 3, attachment: 11 } as const;
/** Discord: names and descriptions of commands, options and choices are at most 100 characters. */
const MAX_DESCRIPTION = 100;
/**
 * Said on every list option of a command that reads a CSV: a string option holds at most 6,000
 * characters (DISCORD_LIMITS.optionValue), and a longer paste is cut, so say so before it happens.
 */
const LONG_DATA = '; for long data attach a CSV';

export interface RegisteredOption {
  type: number;
  name: string;
  description: string;
  required: boolean;
  choices?: Array<{ name: string; value: string }>;
}

export interface RegisteredCommand {
  name: string;
  description: string;
  type: 1;
  options: RegisteredOption[];
  /** 0 guild install, 1 user install: students can add lossbot to their own account. */
  integration_types: number[];
  /** 0 servers, 1 DMs with the bot, 2 group DMs and other users' DMs (user installs). */
  contexts: number[];
}

const clip = (text: string) => truncate(text, MAX_DESCRIPTION);

/** The description with the CSV hint when it fits whole; a clipped hint would say nothing. */
function describe(spec: OptionSpec, readsCsv: boolean): string {
  // Lists are what a CSV column replaces; one-value options (C, penalty, eps, …) are marked single.
  const isList = (spec.kind === 'numbers' || spec.kind === 'tokens') && spec.single !== true;
  return isList && readsCsv && spec.description.length + LONG_DATA.length <= MAX_DESCRIPTION ? `${spec.description}${LONG_DATA}` : clip(spec.description);
}

function option(spec: OptionSpec, readsCsv: boolean): RegisteredOption {
  // Discord cannot say "required unless file is given", so such options are optional there and
  // the core's own check answers a missing one.
  const required = spec.required === true && (spec.requiredUnless ?? []).length === 0;
  if (spec.kind === 'csv') return { type: OPTION_TYPE.attachment, name: spec.name, description: clip(spec.description), required };
  // Lists are strings on Discord, read with the same conventions as Slack's and the CLI's text.
  const base = { type: OPTION_TYPE.string, name: spec.name, description: describe(spec, readsCsv), required };
  return spec.kind === 'choice' ? { ...base, choices: spec.choices.map((choice) => ({ name: choice, value: choice })) } : base;
}

/** The slash-command JSON for PUT /applications/{id}/commands, built from the declarations alone. */
export function registrationPayload(commands: readonly Command[]): RegisteredCommand[] {
  return commands.map((command) => {
    const readsCsv = command.options.some((o) => o.kind === 'csv');
    const options = command.options.map((spec) => option(spec, readsCsv));
    return {
      name: command.name,
      description: clip(command.description),
      type: 1,
      // Discord requires the required options first.
      options: [...options.filter((o) => o.required), ...options.filter((o) => !o.required)],
      integration_types: [0, 1],
      contexts: [0, 1, 2],
    };
  });
}

/** Scopes and permissions the invite link asks for: Send Messages, Embed Links, Attach Files. */
export const INVITE_PERMISSIONS = (1n << 11n) | (1n << 14n) | (1n << 15n);

export function inviteUrl(applicationId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${applicationId}&scope=bot%20applications.commands&permissions=${INVITE_PERMISSIONS}`;
}

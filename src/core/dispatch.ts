import { randomUUID } from 'node:crypto';
import type { Answer, Command, RunContext } from './command.js';
import { asksForHelp, helpReply } from './help-reply.js';
import { LIMITS } from './limits.js';
import type { Logger } from './logger.js';
import { messages } from './messages.js';
import { readArgs, withFiles, type FileRequest } from './parse-args.js';
import { parseOptionText, splitCommandLine, type RawOption, type RawRequest } from './parse-text.js';
import { namePositional } from './positional-option.js';
import type { CommandRegistry } from './registry.js';
import type { Reply } from './reply.js';
import { err, ok } from './result.js';
import { closest } from './suggest.js';
import { usageText } from './usage.js';
import { NOT_INPUT, userError, type Parsed, type UserError } from './user-error.js';
import { cutOffValue, type ValueCap } from './value-cap.js';

/** What a request says, in the form its platform delivers it. */
export type RequestInput =
  /** A whole line as typed in the console or CLI, or carried by a page button: `/logloss y=1,0 p=0.9,0.2`. */
  | { line: string }
  /** A slash command's name and its option text, as Slack sends them. */
  | { command: string; text: string }
  /** A command's typed options, as Discord delivers them (lists are strings there), and the platform's cap on a value. */
  | { command: string; options: readonly RawOption[]; valueCap?: ValueCap };

/** Runs a validated request; every failure inside becomes a Reply (a user error or an apology). */
export type Runnable = (ctx: RunContext) => Promise<Reply>;

/** A request whose options passed validation; its files are fetched only after admission. */
export interface Validated {
  command: Command;
  files: readonly FileRequest[];
  /** Shown to the asker alone (Command.personal). */
  personal: boolean;
  /** The command's own checks over every option, the fetched files' text included. */
  complete(texts: ReadonlyMap<string, string>): Parsed<Runnable>;
}

export type Validation = { ok: true; value: Validated } | { ok: false; command: string; reply: Reply };

/** Resolves a file option's value (a path, an attachment name) to its text. */
export type FileReader = (source: string, signal?: AbortSignal) => Promise<Parsed<string>>;

/**
 * The core's entry points. Every path ends in a Reply: a user error is an answer with a code, an
 * internal error is logged with its stack and answered with an apology and a reference id.
 */
export class Dispatcher {
  readonly registry: CommandRegistry;
  readonly #logger: Logger;

  constructor(registry: CommandRegistry, logger: Logger) {
    this.registry = registry;
    this.#logger = logger;
  }

  /**
   * Parsing and validation, with no I/O, so an adapter can answer bad input before acknowledging
   * (Discord and Slack: 3 s). A request without files is checked completely here. `defaults`
   * are options added where the request did not give them (a server's own defaults).
   */
  validate(input: RequestInput, defaults?: (command: Command) => readonly RawOption[]): Validation {
    const help = this.#help(input);
    if (help) return help;
    const raw = this.#rawRequest(input);
    if (!raw.ok) return { ok: false, command: raw.command, reply: userErrorReply(raw.command, raw.error, this.registry.get(raw.command)) };
    const { command: name, options } = raw.value;
    const names = this.registry.names();
    const fail = (error: UserError, command?: Command): Validation => ({ ok: false, command: name, reply: userErrorReply(name, error, command) });
    if (name.length === 0) return fail(userError('empty-command', messages.emptyCommand(names)));
    const command = this.registry.get(name);
    if (!command) return fail(userError('unknown-command', messages.unknownCommand(name, names, closest(name, names))));
    const cut = 'options' in input && input.valueCap ? cutOffValue(input.options, input.valueCap, command) : undefined;
    if (cut) return fail(cut, command);
    try {
      // A server's defaults (server-settings.ts) fill only the options the request did not give.
      const filled = defaults ? [...options, ...defaults(command).filter((d) => !options.some((o) => o.name === d.name))] : options;
      const read = readArgs(command, filled);
      if (!read.ok) return fail(read.error, command);
      const complete = (texts: ReadonlyMap<string, string>): Parsed<Runnable> => {
        const run = command.prepare(withFiles(read.value, texts));
        return run.ok ? ok((ctx: RunContext) => this.#run(command, run.value, ctx)) : run;
      };
      const personal = command.personal(withFiles(read.value, new Map()));
      if (read.value.files.length > 0) return { ok: true, value: { command, files: read.value.files, personal, complete } };
      const checked = complete(new Map());
      if (!checked.ok) return fail(checked.error, command);
      return { ok: true, value: { command, files: [], personal, complete: () => checked } };
    } catch (error) {
      const apology = this.internalErrorReply(command.name, error);
      return { ok: true, value: { command, files: [], personal: true, complete: () => ok(async () => apology) } };
    }
  }

  /**
   * Validate, read the files, run: the whole request with no admission, for the core's own tests
   * and tools. Chat and the CLI go through `serve` (serve.ts).
   */
  async handle(input: RequestInput, ctx: RunContext, readFile?: FileReader): Promise<Reply> {
    const validation = this.validate(input);
    if (!validation.ok) return validation.reply;
    const { command } = validation.value;
    const texts = await fetchFiles(validation.value, readFile, ctx.signal);
    if (!texts.ok) return userErrorReply(command.name, texts.error, command);
    return this.runValidated(validation.value, texts.value, ctx);
  }

  /** The checks that need the files' text, then the command itself. */
  async runValidated(validated: Validated, texts: ReadonlyMap<string, string>, ctx: RunContext): Promise<Reply> {
    const run = validated.complete(texts);
    if (!run.ok) return userErrorReply(validated.command.name, run.error, validated.command);
    return run.value(ctx);
  }

  handleLine(line: string, ctx: RunContext, readFile?: FileReader): Promise<Reply> {
    return this.handle({ line }, ctx, readFile);
  }

  /** Adapters call this when their own translation fails, so the user still gets an answer. */
  internalErrorReply(command: string, error: unknown): Reply {
    const referenceId = randomUUID().slice(0, 8);
    this.#logger.error({ err: error, command, referenceId }, 'internal error while answering a command');
    return {
      ok: false,
      command,
      title: 'Something went wrong on my side',
      summary: `Sorry, I could not answer that. It is not your input: quote reference ${referenceId} when you report it.`,
      fields: [],
      images: [],
      data: {},
      error: { code: 'internal', message: 'Internal error.', referenceId },
    };
  }

  async #run(command: Command, run: (ctx: RunContext) => Promise<Parsed<Answer>>, ctx: RunContext): Promise<Reply> {
    try {
      const answer = await run(ctx);
      if (!answer.ok) return userErrorReply(command.name, answer.error, command);
      return { ok: true, command: command.name, ...answer.value };
    } catch (error) {
      return this.internalErrorReply(command.name, error);
    }
  }

  /** `/logloss help` (or --help, -h) in text: that command's help, answered like any result. */
  #help(input: RequestInput): Validation | undefined {
    if ('options' in input) return undefined;
    const { command: name, rest } = 'line' in input ? splitCommandLine(input.line) : { command: input.command.replace(/^\//, '').toLowerCase(), rest: input.text };
    const command = this.registry.get(name);
    if (!command || !asksForHelp(command, rest)) return undefined;
    const reply = helpReply(command);
    return { ok: true, value: { command, files: [], personal: false, complete: () => ok(async () => reply) } };
  }

  /** The command name and its raw options, whatever form the platform delivered them in. */
  #rawRequest(input: RequestInput): { ok: true; value: RawRequest } | { ok: false; command: string; error: UserError } {
    const command = 'line' in input ? splitCommandLine(input.line).command : input.command.replace(/^\//, '').toLowerCase();
    const length = 'line' in input ? input.line.length : 'text' in input ? input.text.length : input.options.reduce((sum, o) => sum + o.name.length + o.value.length + 2, 0);
    if (length > LIMITS.commandChars) return { ok: false, command, error: userError('too-many-values', messages.commandTooLong(length, LIMITS.commandChars)) };
    if ('options' in input) return { ok: true, value: { command, options: input.options.map((o) => ({ name: o.name.toLowerCase(), value: o.value })) } };
    // The command's own option names may also be written name:value (parse-text.ts).
    const known = this.registry.get(command)?.options.map((o) => o.name) ?? [];
    const parsed = parseOptionText(namePositional(this.registry.get(command), 'line' in input ? splitCommandLine(input.line).rest : input.text), known);
    if (!parsed.ok) return { ok: false, command, error: parsed.error };
    return { ok: true, value: { command, options: parsed.value } };
  }
}

/** A user error as a Reply: the one clear sentence, then the usage line. */
export function userErrorReply(command: string, error: UserError, commandDef?: Command): Reply {
  // Not the input's fault (a setting, a permission): the sentence alone, no usage to fix.
  if (NOT_INPUT.has(error.code)) return { ok: false, command, title: 'Not here', summary: error.message, fields: [], images: [], data: {}, error: { code: error.code, message: error.message } };
  const usage = commandDef ? usageText(commandDef) : undefined;
  return {
    ok: false,
    command,
    title: 'That input needs a fix',
    summary: usage ? `${error.message}\n${usage}` : error.message,
    fields: [],
    images: [],
    data: {},
    error: usage ? { code: error.code, message: error.message, usage } : { code: error.code, message: error.message },
  };
}

/** Reads every file a validated request names, in order; the first that fails is the answer. */
export async function fetchFiles(validated: Validated, readFile: FileReader | undefined, signal?: AbortSignal): Promise<Parsed<Map<string, string>>> {
  const texts = new Map<string, string>();
  for (const file of validated.files) {
    if (!readFile) return err(userError('file-unreadable', messages.fileUnreadable(file.source, 'files are not read here; give the numbers inline, or attach the CSV on Discord or pass its path to the command line'), file.option));
    const text = await readFile(file.source, signal);
    if (!text.ok) return text;
    texts.set(file.option, text.value);
  }
  return ok(texts);
}

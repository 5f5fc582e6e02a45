import { randomUUID } from 'node:crypto';
import type { Answer, Command, RunContext } from './command.js';
import { LIMITS } from './limits.js';
import type { Logger } from './logger.js';
import { messages } from './messages.js';
import { readArgs } from './parse-args.js';
import { parseCommandLine, type RawOption } from './parse-text.js';
import type { CommandRegistry } from './registry.js';
import type { Reply } from './reply.js';
import { err, ok } from './result.js';
import { closest } from './suggest.js';
import { usageText } from './usage.js';
import { userError, type Parsed, type UserError } from './user-error.js';

/** A request that passed validation: running it can only fail internally. */
export interface PreparedRequest {
  command: Command;
  run: (ctx: RunContext) => Promise<Reply>;
}

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

  /** A whole line as typed in the console or CLI: `/logloss y=1,0 p=0.9,0.2`. */
  async handleLine(line: string, ctx: RunContext): Promise<Reply> {
    if (line.length > LIMITS.commandChars) return this.#tooLong(line.length);
    const request = parseCommandLine(line);
    if (!request.ok) return userErrorReply('', request.error);
    return this.handle(request.value.command, request.value.options, ctx);
  }

  /**
   * Typed options as Discord delivers them (name -> string, number or boolean). Lists are string
   * options there, so every value goes through the same text conventions as Slack's and the CLI's.
   */
  async handleOptionMap(commandName: string, options: Readonly<Record<string, string | number | boolean>>, ctx: RunContext): Promise<Reply> {
    const raw = Object.entries(options).map(([name, value]) => ({ name: name.toLowerCase(), value: String(value) }));
    return this.handle(commandName.toLowerCase(), raw, ctx);
  }

  async handle(commandName: string, options: readonly RawOption[], ctx: RunContext): Promise<Reply> {
    const prepared = await this.prepare(commandName, options, ctx);
    if (!prepared.ok) return userErrorReply(commandName, prepared.error, this.registry.get(commandName));
    return prepared.value.run(ctx);
  }

  /** Validation only, so an adapter can answer bad input before acknowledging (Discord: 3 s). */
  async prepare(commandName: string, options: readonly RawOption[], ctx: RunContext): Promise<Parsed<PreparedRequest>> {
    const names = this.registry.names();
    if (commandName.length === 0) return err(userError('empty-command', messages.emptyCommand(names)));
    const command = this.registry.get(commandName);
    if (!command) return err(userError('unknown-command', messages.unknownCommand(commandName, names, closest(commandName, names))));
    try {
      const args = await readArgs(command, options, ctx);
      if (!args.ok) return args;
      const run = command.prepare(args.value);
      if (!run.ok) return run;
      return ok({ command, run: (runCtx: RunContext) => this.#run(command, run.value, runCtx) });
    } catch (error) {
      return ok({ command, run: async () => this.internalErrorReply(command.name, error) });
    }
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

  #tooLong(length: number): Reply {
    return userErrorReply('', userError('too-many-values', messages.commandTooLong(length, LIMITS.commandChars)));
  }
}

/** A user error as a Reply: the one clear sentence, then the usage line. */
export function userErrorReply(command: string, error: UserError, commandDef?: Command): Reply {
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

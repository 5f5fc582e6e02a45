import type { Asker, Progress } from './progress.js';
import type { ServerActivity } from './server-activity.js';
import type { ServerView } from './server-settings.js';
import type { ChartJob, EquationJob, Theme } from './render-jobs.js';
import type { ParsedArgs } from './args.js';
import type { ExclusiveGroup, OptionSpec } from './options.js';
import type { Reply, ReplyImage } from './reply.js';
import type { Parsed } from './user-error.js';

/** What a command may use besides its input; adapters provide it. */
export interface RunContext {
  /** Chart colours: dark for Discord, light for Slack and the CLI. */
  theme: Theme;
  /** Renders charts to PNG; absent where no pictures are wanted (e.g. unit tests of the text). */
  renderCharts?: (jobs: ChartJob[], signal?: AbortSignal) => Promise<ReplyImage[]>;
  /** Typesets TeX to PNG (derivation steps); absent where text is enough. */
  renderEquations?: (jobs: EquationJob[], signal?: AbortSignal) => Promise<ReplyImage[]>;
  /** Aborted when the request's time is up: renderers stop the work instead of finishing it for nobody. */
  signal?: AbortSignal;
  /**
   * The one step of a derivation the adapter will show (Discord pages it in place): only that
   * step's equation is typeset, and the chart only with the first step; every step keeps its
   * Unicode. Ignored when the answer cannot page (its line does not fit a button id, see
   * core/paging.ts), since the adapter then shows every step. Omitted: every step is typeset.
   */
  showStep?: number;
  /** Who asked (practice progress is kept per platform and user). */
  asker?: Asker;
  /** Where practice progress is kept; absent without a database, and then nothing is saved. */
  progress?: Progress;
  /** The settings of the server the request came from (`/lossbot settings`). */
  server?: ServerView;
  /** The server's practice and command counts (`/lossbot about`, `/practice leaderboard`); absent without a database. */
  activity?: ServerActivity;
  /** Where the README is published (`/lossbot about` links it); absent: it is named in words. */
  docsUrl?: string;
}

/** What a command's run() returns: the Reply without the fields dispatch fills in. */
export type Answer = Omit<Reply, 'ok' | 'command' | 'error'>;

/**
 * One chat command, declared once (STYLE.md 1-2). `check` does every cross-option check and
 * converts the arguments into the command's input without computing anything, so an adapter
 * can answer bad input at once; `run` computes and explains.
 */
export interface CommandDefinition<Input> {
  name: string;
  description: string;
  options: readonly OptionSpec[];
  exclusive?: readonly ExclusiveGroup[];
  examples: readonly string[];
  check(args: ParsedArgs): Parsed<Input>;
  /**
   * True when the answer is the asker's own business (their figures, their checked answer): the
   * adapters show it to them alone (Discord: ephemeral; Slack: an ephemeral response). Decided
   * from the options before any work, since Discord fixes a deferral's visibility when it is made.
   */
  personal?(args: ParsedArgs): boolean;
  /** Returns a user error only for what can't be known before computing (e.g. a fit that fails). */
  run(input: Input, ctx: RunContext): Promise<Parsed<Answer>>;
}

/** A command with its input type erased, so different commands can share one registry. */
export interface Command {
  name: string;
  description: string;
  options: readonly OptionSpec[];
  exclusive: readonly ExclusiveGroup[];
  examples: readonly string[];
  personal(args: ParsedArgs): boolean;
  prepare(args: ParsedArgs): Parsed<(ctx: RunContext) => Promise<Parsed<Answer>>>;
}

export function defineCommand<Input>(definition: CommandDefinition<Input>): Command {
  return {
    name: definition.name,
    description: definition.description,
    options: definition.options,
    exclusive: definition.exclusive ?? [],
    examples: definition.examples,
    personal: (args) => definition.personal?.(args) ?? false,
    prepare(args) {
      const input = definition.check(args);
      if (!input.ok) return input;
      return { ok: true, value: (ctx) => definition.run(input.value, ctx) };
    },
  };
}

import type { RawOption } from './parse-text.js';
import type { RequestInput } from './dispatch.js';
import type { Reply, ReplyImage } from './reply.js';

/**
 * The core's vocabulary for pictures. Commands say what to draw; the render service (src/render/)
 * draws it in worker threads. Nothing here loads a canvas, Vega or MathJax, so text-only uses
 * (the tests of the wording, `--no-charts`) never pay for them.
 */

/** Chart colours: dark for Discord, light for Slack and the CLI. */
export type Theme = 'dark' | 'light';

/** A chart to draw: a Vega-Lite spec (plain JSON, its data inline) plus its file name and alt text. */
export interface ChartJob {
  kind: string;
  spec: Record<string, unknown>;
  filename: string;
  alt: string;
}

/** An equation to typeset: TeX lines stacked in one image, its file name and alt text (the step's Unicode form). */
export interface EquationJob {
  lines: string[];
  theme: Theme;
  filename: string;
  alt: string;
}

/**
 * A whole command to run off the main thread: a large input (a CSV of a million rows, say) is
 * parsed, computed and drawn in a worker, so the gateway heartbeat and other students' answers
 * never wait behind it. The request was validated already; the worker repeats the checks that
 * need the files.
 */
export interface CommandJob {
  input: RequestInput;
  /** The fetched files' text, by option name. */
  files: Record<string, string>;
  theme: Theme;
  /** Options the server's defaults add where the request left them out (server-settings.ts). */
  defaults?: RawOption[];
  showStep?: number;
  pictures: boolean;
}

/** A picture could not be drawn; the message is meant for the user (the numbers still stand). */
export class RenderError extends Error {
  override readonly name = 'RenderError';
}

/** What the render service offers a request. */
export interface Renderer {
  /** `signal`: the request's own deadline; its pictures are abandoned when it fires. */
  renderCharts(jobs: readonly ChartJob[], signal?: AbortSignal): Promise<ReplyImage[]>;
  /** Typeset equations; a TeX error or a timeout rejects with RenderError. */
  renderEquations(jobs: readonly EquationJob[], signal?: AbortSignal): Promise<ReplyImage[]>;
  /** Runs a command in a worker; absent where there are no workers (text-only uses). */
  runCommand?(job: CommandJob, signal?: AbortSignal): Promise<Reply>;
  /** Resolves once the service can take work (its workers loaded, and warm if asked). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The platform-neutral answer of every command. Adapters translate a Reply into their
 * platform's message format and nothing more (DESIGN.md, "Reply").
 */

/** A chart or typeset equation: PNG bytes plus the text a screen reader or a text-only place gets. */
export interface ReplyImage {
  filename: string;
  alt: string;
  png: Uint8Array;
}

export interface ReplyField {
  name: string;
  value: string;
  inline?: boolean;
}

/** A small table; `align` is per column and defaults to left. */
export interface ReplyTable {
  columns: string[];
  rows: string[][];
  align?: Array<'left' | 'right'>;
  /** Said under the table when rows were left out (e.g. "showing 20 of 1,000 points"). */
  caption?: string;
}

/** One step of a derivation (/derive pages through them). */
export interface ReplyStep {
  title: string;
  text: string;
  tex?: string;
  unicode?: string;
  image?: ReplyImage;
}

/**
 * How an adapter pages a multi-step reply (/derive) without a store: the command line that
 * reproduces the reply travels in the button ids (see paging.ts), so paging survives a restart.
 */
export interface ReplyPaging {
  /** Canonical and short, e.g. `/derive topic=bce y=1 p=0.85`. */
  line: string;
}

/** A practice problem in a reply: adapters offer Answer (a box to type the value in), Hint and Solution. */
export interface ReplyProblem {
  /** Reproduces the problem (core/problem-actions.ts carries it in button ids). */
  id: string;
  /** What the answer box asks for, e.g. "nats, 3 decimals". */
  expects: string;
}

export interface ReplyError {
  /** A stable code (see user-error.ts) or 'internal'. */
  code: string;
  message: string;
  usage?: string;
  /** Set for internal errors so a user can quote it and the log line can be found. */
  referenceId?: string;
}

export interface Reply {
  ok: boolean;
  command: string;
  title: string;
  /** Markdown: the key number first, then the explanation in the user's own numbers. */
  summary: string;
  fields: ReplyField[];
  table?: ReplyTable;
  images: ReplyImage[];
  steps?: ReplyStep[];
  /** Set when `steps` should be shown one at a time; adapters show them all at once when the line is too long for a button id. */
  paging?: ReplyPaging;
  /** Set when the reply poses a practice problem the asker can answer with buttons. */
  problem?: ReplyProblem;
  /** The machine-readable numbers (what `--json` prints). Never contains NaN. */
  data: Record<string, unknown>;
  error?: ReplyError;
}

/**
 * Neutral option declarations. One list drives the text parser (Slack, CLI), the typed-option
 * reader (Discord), the Discord registration payload and the generated usage text.
 */

interface OptionBase {
  name: string;
  description: string;
  required?: boolean;
  /** Not required when one of these options is given (e.g. y comes from the CSV with file=). */
  requiredUnless?: readonly string[];
  /** Shown in usage as the placeholder, e.g. `y=<labels>`. */
  placeholder: string;
  /** One value, not a list (eps=1e-7): the command checks there is one, and Discord gets no long-data hint. */
  single?: boolean;
}

/** A list of numbers: commas and/or spaces, optional brackets. */
export interface NumbersOption extends OptionBase {
  kind: 'numbers';
  min?: number;
  max?: number;
  /** Accept `85%` as 0.85 and answer a bare 85 with "did you mean 0.85?". */
  probability?: boolean;
  /** Also accept rows, `[[0.2,0.8],[0.6,0.4]]` (parse-rows.ts); ParsedNumbers.columns then says how they were cut. */
  rows?: boolean;
}

/** A list of raw tokens; the command decides what they mean (e.g. /entropy's labels or counts). */
export interface TokensOption extends OptionBase {
  kind: 'tokens';
  /** What the option takes, for "is missing" and "is empty" sentences (default: "a list of values"). */
  what?: string;
}

export interface ChoiceOption extends OptionBase {
  kind: 'choice';
  choices: readonly string[];
  /** Taken when the option is not given; without one, an option not given stays absent (a setting left as it is). */
  default?: string;
  /** In text, a leading bare word is this option's value: `/lossbot help` is `/lossbot topic=help`. */
  positional?: boolean;
}

/** CSV data: a path in the CLI, an attachment on Discord, resolved to text by the adapter. */
export interface CsvOption extends OptionBase {
  kind: 'csv';
}

export type OptionSpec = NumbersOption | TokensOption | ChoiceOption | CsvOption;

/** Options of which at most one may be given (and, if `required`, exactly one). */
export interface ExclusiveGroup {
  members: readonly string[];
  required: boolean;
}

export interface ParsedNumbers {
  kind: 'numbers';
  values: Float64Array;
  /** Tokens written as percentages, converted to fractions; the reply says so. */
  percentTokens: number;
  /** Set when the value was written as rows: `values` holds them row after row, this many to a row. */
  columns?: number;
}

export interface ParsedTokens {
  kind: 'tokens';
  /** Every token; row after row when written as rows. */
  tokens: string[];
  /** Set when the value was written as rows, `[[a,b],[c,d]]` (parse-rows.ts). */
  rows?: string[][];
}

export interface ParsedChoice {
  kind: 'choice';
  value: string;
}

export interface ParsedCsv {
  kind: 'csv';
  text: string;
  /** What the user typed (a path, an attachment name) for messages. */
  source: string;
}

export type ParsedValue = ParsedNumbers | ParsedTokens | ParsedChoice | ParsedCsv;

import type { Result } from './result.js';

/**
 * Stable codes for everything a user can get wrong. Adapters and tests match on the code,
 * never on the wording (the wording lives in messages.ts and may improve).
 */
export type UserErrorCode =
  | 'empty-command'
  | 'unknown-command'
  | 'bad-syntax'
  | 'unknown-option'
  | 'duplicate-option'
  | 'missing-option'
  | 'conflicting-options'
  | 'empty-value'
  | 'not-a-number'
  | 'not-finite'
  | 'out-of-range'
  | 'looks-like-percent'
  | 'percent-below-one'
  | 'looks-swapped'
  | 'invalid-choice'
  | 'length-mismatch'
  | 'too-many-values'
  | 'value-cut-off'
  | 'weights-all-zero'
  | 'all-zero'
  | 'labels-not-binary'
  | 'labels-mismatch'
  | 'class-count'
  | 'nested-list'
  | 'bad-rows'
  | 'ragged-rows'
  | 'rows-not-accepted'
  | 'not-a-class'
  | 'not-a-distribution'
  | 'one-class'
  | 'constant-x'
  | 'fit-failed'
  | 'separable'
  | 'collinear-features'
  | 'fit-option-without-x'
  | 'bad-fit-option'
  | 'csv-invalid'
  | 'csv-too-large'
  | 'file-unreadable'
  | 'not-one-value'
  | 'unknown-problem'
  // Not about the input: refused by a server's settings or the asker's rights (NOT_INPUT).
  | 'not-allowed'
  | 'no-server'
  | 'settings-unavailable'
  | 'practice-off'
  | 'leaderboard-off'
  | 'channel-not-allowed'
  | 'not-on-platform';

/** Codes that refuse a request for who or where it is, not for what it says: answered without the usage line. */
export const NOT_INPUT: ReadonlySet<UserErrorCode> = new Set(['not-allowed', 'no-server', 'settings-unavailable', 'practice-off', 'leaderboard-off', 'channel-not-allowed', 'not-on-platform']);

export interface UserError {
  code: UserErrorCode;
  /** One sentence naming the option, the value and what is expected. */
  message: string;
  /** The option the error is about, when there is one. */
  option?: string;
}

export type Parsed<T> = Result<T, UserError>;

export function userError(code: UserErrorCode, message: string, option?: string): UserError {
  return option === undefined ? { code, message } : { code, message, option };
}

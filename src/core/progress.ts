/**
 * Practice progress as the commands see it: who asked, and a place that keeps what they did.
 * The database behind it (src/store/) is the entry point's business; a command given no
 * Progress, or one that fails, still answers and says that nothing was saved.
 */

/** Who asked. User ids are per platform; the server is the Discord server or Slack workspace ('' for a DM or the CLI). */
export interface Asker {
  platform: string;
  serverId: string;
  userId: string;
}

/** One checked answer, as it is kept: no message text. */
export interface PracticeResult {
  /** The kind of problem (topic and template): what spaced review brings back. */
  kind: string;
  topic: string;
  level: number;
  correct: boolean;
  mistake: string | null;
}

export interface PracticeStats {
  attempts: number;
  correct: number;
  /** Correct answers in a row, counting back from the latest. */
  streak: number;
  byTopic: Record<string, { attempts: number; correct: number }>;
}

export interface ReviewDue {
  kind: string;
  topic: string;
  level: number;
  /** When this kind was last missed. */
  missedAtMs: number;
  /** Whole days since that miss, for "you missed this kind 3 days ago". */
  daysSinceMiss: number;
}

export interface Progress {
  record(asker: Asker, result: PracticeResult): Promise<void>;
  stats(asker: Asker): Promise<PracticeStats>;
  /** The kinds this user missed that are due again now, most overdue first. */
  dueForReview(asker: Asker): Promise<ReviewDue[]>;
  /** Deletes everything kept about this user on this platform; returns how many attempts went. */
  forget(asker: Asker): Promise<number>;
}

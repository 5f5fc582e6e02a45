import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import type { RunContext } from '../../src/core/command.js';
import { createLogger } from '../../src/core/logger.js';
import type { Asker, Progress } from '../../src/core/progress.js';
import { StoreProgress } from '../../src/store/store-progress.js';
import { createTestDispatcher } from '../support/core.js';

const DAY = 24 * 60 * 60 * 1000;
const dispatcher = createTestDispatcher();
const ada: Asker = { platform: 'slack', serverId: 'T1', userId: 'T1:ada' };
const silent = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
const ask = (line: string, ctx: Partial<RunContext>) => dispatcher.handleLine(line, { theme: 'light', ...ctx });
// The card's problem: y = 1, p = 0.85; scikit-learn 1.2.1 log_loss([1], [0.85]) = 0.16251892949777494.
const CARD = 'bce1a-34b';

describe('practice progress kept in the database', () => {
  test('GIVEN answers checked THEN each is kept, /practice stats counts them, and a missed kind comes back for review a day later', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lossbot-practice-'));
    let now = Date.UTC(2026, 11, 1, 9);
    const progress = new StoreProgress({ kind: 'sqlite', file: path.join(folder, 'lossbot.sqlite') }, silent, () => now);
    try {
      const ctx = { asker: ada, progress };
      const wrong = await ask(`/answer id=${CARD} value=0.0706`, ctx);
      assert.equal(wrong.data.mistake, 'log10');
      assert.equal(wrong.data.saved, true);
      const right = await ask(`/answer id=${CARD} value=0.163`, ctx);
      assert.equal(right.data.correct, true);
      const hint = await ask(`/answer id=${CARD} show=hint`, ctx);
      assert.equal(hint.data.saved, null, 'a hint is no attempt');
      const stats = await ask('/practice stats', ctx);
      assert.deepEqual({ attempts: stats.data.attempts, correct: stats.data.correct, streak: stats.data.streak, byTopic: stats.data.byTopic }, { attempts: 2, correct: 1, streak: 1, byTopic: { bce: { attempts: 2, correct: 1 } } });
      const history = await progress.stats(ada);
      assert.equal(history.attempts, 2);
      // Missed at 9:00, answered right at 9:00 too: the kind is due 3 days after that correct review.
      now += 3 * DAY;
      const review = await ask('/practice seed=1', ctx);
      assert.ok(review.ok, review.summary);
      assert.match(review.summary, /^Review: you missed this kind of problem 3 days ago\./);
      assert.equal(review.data.topic, 'bce');
      const other = await ask('/practice stats', { asker: { ...ada, userId: 'T1:bob' }, progress });
      assert.equal(other.data.attempts, 0);
    } finally {
      await progress.close();
      await rm(folder, { recursive: true, force: true });
    }
  });

  test('GIVEN a database that fails THEN the answer is still checked and says that progress could not be saved', async () => {
    const failing: Progress = {
      record: async () => { throw new Error('disk full'); },
      stats: async () => { throw new Error('disk full'); },
      dueForReview: async () => { throw new Error('disk full'); },
      forget: async () => { throw new Error('disk full'); },
    };
    const reply = await ask(`/answer id=${CARD} value=0.163`, { asker: ada, progress: failing });
    assert.equal(reply.data.correct, true);
    assert.equal(reply.data.saved, false);
    assert.match(reply.summary, /Your progress could not be saved \(the database did not answer\); the check above stands\./);
    const practice = await ask('/practice seed=5', { asker: ada, progress: failing });
    assert.ok(practice.ok, 'a problem is still posed');
    const stats = await ask('/practice stats', { asker: ada, progress: failing });
    assert.match(stats.summary, /could not be reached/);
  });

  test('GIVEN a database file that cannot be made THEN the answer says nothing was saved and the log says why, once per failed operation', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lossbot-progress-'));
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger('info', new Writable({ write: (chunk, _e, done) => { lines.push(JSON.parse(String(chunk)) as Record<string, unknown>); done(); } }));
    try {
      // A folder where a file stands: the database can never be opened.
      await writeFile(path.join(folder, 'not-a-folder'), '');
      const progress = new StoreProgress({ kind: 'sqlite', file: path.join(folder, 'not-a-folder', 'lossbot.sqlite') }, logger);
      const reply = await ask(`/answer id=${CARD} value=0.163`, { asker: ada, progress });
      assert.equal(reply.data.saved, false);
      const failed = lines.filter((l) => l.msg === 'a database operation failed');
      assert.deepEqual(failed.map((l) => [l.operation, l.database]), [['record', 'sqlite']]);
      assert.equal(typeof failed[0]?.err, 'string');
      await progress.close();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

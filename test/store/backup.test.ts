import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { openStore } from '../../src/store/open-store.js';
import { ROOT } from '../support/run-process.js';

const run = promisify(execFile);
const NOW = Date.UTC(2026, 11, 1, 12);

/** Rows in a copy, or the error SQLite gives when it cannot read them. */
function countIn(file: string): number | string {
  const db = new SQLite(file, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from attempts').get() as { n: number }).n;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db.close();
  }
}

/** The README's backup one-liner for machines without the sqlite3 program (section "Running it for a course"). */
async function readmeBackupScript(): Promise<string> {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const line = /^cd \/opt\/lossbot && node -e "([^"]+)" \S+$/m.exec(readme);
  assert.ok(line, 'the README should give the node -e backup command');
  return line[1] as string;
}

/** A folder laid out as the unit's working directory: data/lossbot.sqlite, held open by a store with four answers in it. */
async function runningBot() {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'lossbot-backup-'));
  after(() => rm(folder, { recursive: true, force: true }));
  const store = await openStore({ kind: 'sqlite', file: path.join(folder, 'data', 'lossbot.sqlite') });
  after(() => store.close());
  for (const [i, correct] of [true, false, true, true].entries()) {
    await store.practice.record({ platform: 'discord', serverId: 'guild-1', userId: `student-${i}`, kind: 'bce1a', topic: 'bce', level: 1, correct, mistake: correct ? null : 'wrong-class', atMs: NOW + i });
  }
  await mkdir(path.join(folder, 'backups'));
  return folder;
}

describe('backing up the SQLite file while the bot runs (README, "Running it for a course")', () => {
  test('GIVEN the bot holding the file open in WAL mode THEN a plain copy of the file misses the answers', async () => {
    const folder = await runningBot();
    const copy = path.join(folder, 'backups', 'copy.sqlite');
    await copyFile(path.join(folder, 'data', 'lossbot.sqlite'), copy);
    assert.notEqual(countIn(copy), 4);
  });

  test('GIVEN the bot holding the file open THEN the README\'s node -e command (better-sqlite3\'s backup) copies all four answers', async () => {
    const folder = await runningBot();
    const target = path.join(folder, 'backups', 'lossbot.sqlite');
    // As the README runs it from the checkout: better-sqlite3 resolved from the project's node_modules.
    await run(process.execPath, ['-e', await readmeBackupScript(), target], { cwd: folder, env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') } });
    assert.equal(countIn(target), 4);
  });

  test('GIVEN the bot holding the file open THEN sqlite3 ".backup" copies all four answers', async (t) => {
    const sqlite3 = await run('sqlite3', ['-version']).catch(() => undefined);
    if (!sqlite3) return t.skip('skipped: the sqlite3 program is not installed (Debian: apt-get install sqlite3)');
    const folder = await runningBot();
    const target = path.join(folder, 'backups', 'dot-backup.sqlite');
    await run('sqlite3', [path.join(folder, 'data', 'lossbot.sqlite'), `.backup ${target}`]);
    assert.equal(countIn(target), 4);
  });
});

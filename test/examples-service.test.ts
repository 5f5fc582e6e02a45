import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { loadConfig } from '../src/config.js';
import { readStoreConfig } from '../src/store/store-config.js';
import { ROOT } from './support/run-process.js';

const UNIT = 'examples/lossbot.service';

/** A unit file's [Service] lines as key -> values (a key may repeat), comments and blanks left out. */
function serviceSection(text: string): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      section = header[1] as string;
      continue;
    }
    const pair = /^(\w+)=(.*)$/.exec(line);
    assert.ok(pair, `${UNIT}: "${line}" is neither a section nor key=value`);
    if (section !== 'Service') continue;
    const [, key, value] = pair as unknown as [string, string, string];
    keys.set(key, [...(keys.get(key) ?? []), value]);
  }
  return keys;
}

async function unit() {
  const text = await readFile(path.join(ROOT, UNIT), 'utf8');
  const service = serviceSection(text);
  const one = (key: string): string => {
    const values = service.get(key);
    assert.equal(values?.length, 1, `${UNIT} should set ${key}= once`);
    return (values as string[])[0] as string;
  };
  return { text, one };
}

/** systemd's time span as the unit writes it: "30s", "1min 30s", or bare seconds. */
function seconds(span: string): number {
  let total = 0;
  for (const [, amount, unit] of span.matchAll(/(\d+)\s*(min|s)?/g)) total += Number(amount) * (unit === 'min' ? 60 : 1);
  return total;
}

describe('the systemd unit in examples/', () => {
  test('GIVEN the unit THEN it runs what `npm start` runs after its build, with node, under its own user', async () => {
    const { one } = await unit();
    const start = (JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start;
    assert.equal(start, 'node --enable-source-maps dist/main.mjs');
    assert.equal(one('ExecStart'), `/usr/bin/${start}`);
    assert.match(one('WorkingDirectory'), /^\/\S+$/);
    assert.notEqual(one('User'), 'root');
    assert.match(one('EnvironmentFile'), /^\/etc\/lossbot\/env$/);
    assert.equal(one('Restart'), 'on-failure');
  });

  test('GIVEN the default SHUTDOWN_DRAIN_MS THEN SIGTERM to node alone, and systemd waits past the drain and its ~5 s of notices', async () => {
    const { one } = await unit();
    assert.equal(one('KillSignal'), 'SIGTERM');
    assert.equal(one('KillMode'), 'mixed');
    const drainSeconds = loadConfig({}).drainMs / 1000;
    assert.ok(seconds(one('TimeoutStopSec')) >= drainSeconds + 5, `TimeoutStopSec=${one('TimeoutStopSec')} should exceed the ${drainSeconds} s drain by 5 s or more`);
  });

  test('GIVEN the default LOSSBOT_DB THEN its folder is the one place the hardened unit may write', async () => {
    const { one } = await unit();
    const store = readStoreConfig({});
    assert.equal(store.kind, 'sqlite');
    const folder = path.posix.join(one('WorkingDirectory'), path.posix.dirname(store.kind === 'sqlite' ? store.file : ''));
    assert.equal(one('ReadWritePaths'), folder);
    assert.equal(one('ProtectSystem'), 'strict');
    assert.equal(one('NoNewPrivileges'), 'yes');
  });

  test('GIVEN the README\'s measured soak figure THEN MemoryMax holds it with room to spare', async () => {
    const { one } = await unit();
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    const soak = /soak of 5,000 commands: RSS after 1,000 → at the end \| \d+ → (\d+) MB/.exec(readme);
    assert.ok(soak, 'the README\'s memory table should give the soak\'s RSS at the end');
    const limit = /^(\d+)M$/.exec(one('MemoryMax'));
    assert.ok(limit, `MemoryMax=${one('MemoryMax')}: expected megabytes, e.g. 512M`);
    assert.ok(Number(limit[1]) >= Number(soak[1]) * 1.2, `MemoryMax=${one('MemoryMax')} leaves less than 20 % over the measured ${soak[1]} MB`);
  });

  test('GIVEN systemd-analyze THEN `verify` finds nothing wrong in the unit', async (t) => {
    const analyze = await promisify(execFile)('systemd-analyze', ['--version']).catch(() => undefined);
    if (!analyze) return t.skip('skipped: systemd-analyze is not installed (Debian: apt-get install systemd)');
    const { text } = await unit();
    // verify checks that ExecStart's program exists: point it at the node running this test.
    const dir = await mkdtemp(path.join(tmpdir(), 'lossbot-unit-'));
    try {
      const file = path.join(dir, 'lossbot.service');
      await writeFile(file, text.replace(/^ExecStart=\/usr\/bin\/node /m, `ExecStart=${process.execPath} `));
      const { stdout, stderr } = await promisify(execFile)('systemd-analyze', ['verify', file]);
      assert.equal(`${stdout}${stderr}`, '');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

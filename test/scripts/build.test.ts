import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ENTRIES } from '../../scripts/entries.mjs';
import { packageName } from '../support/import-graph.js';
import { ROOT, runEntry, type ProcessResult } from '../support/run-process.js';
import { scanImports } from '../support/scan-imports.js';

// dist/ is written by `pretest` (package.json), as `prestart` writes it before `npm start`: each
// entry's bundle at the top, and in dist/chunks/ the code it loads on demand or shares with others.
const DIST = path.join(ROOT, 'dist');
const bundle = (out: string) => path.join(DIST, `${out}.mjs`);

const imported = new Map<string, string[]>();
/** What one built file imports, as written: packages, node's own modules and chunks ('./chunks/…'). */
function importsOf(file: string): string[] {
  if (!imported.has(file)) {
    const specifiers = scanImports(readFileSync(file, 'utf8'), file).map((found) => found.specifier);
    imported.set(file, specifiers.filter((specifier): specifier is string => specifier !== undefined));
  }
  return imported.get(file) ?? [];
}

/** An entry's bundle and every chunk it loads, statically or by import(): all the code it can run. */
function reachable(out: string): string[] {
  const files = new Set([bundle(out)]);
  for (const file of files) {
    for (const specifier of importsOf(file)) if (specifier.startsWith('.')) files.add(path.resolve(path.dirname(file), specifier));
  }
  return [...files];
}

/** The packages an entry's code imports: all that stayed outside the build. */
const packagesImported = (out: string) =>
  reachable(out).flatMap(importsOf).filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:'));

/** Every file under dist/, relative to it. */
const distFiles = () =>
  readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(DIST, path.join(entry.parentPath, entry.name)));

async function runNode(args: readonly string[]): Promise<ProcessResult> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

/** Each built file's inode and modification time: a file rewritten, even with the same bytes, changes them. */
function snapshot(): Record<string, string> {
  return Object.fromEntries(distFiles().map((name) => {
    const stats = statSync(path.join(DIST, name), { bigint: true });
    return [name, `${stats.ino}:${stats.mtimeNs}`];
  }));
}

describe('npm run build (scripts/build.mjs): one bundle per entry point in dist/', () => {
  test('GIVEN the build THEN every entry has its bundle and source map, and every chunk and package it imports resolves', () => {
    const topLevel = distFiles().filter((name) => !name.includes(path.sep));
    assert.deepEqual(topLevel.sort(), ENTRIES.flatMap((entry) => [`${entry.out}.mjs`, `${entry.out}.mjs.map`]).sort());
    for (const entry of ENTRIES) {
      assert.match(readFileSync(bundle(entry.out), 'utf8'), new RegExp(`//# sourceMappingURL=${entry.out}\\.mjs\\.map\\s*$`));
      const map = JSON.parse(readFileSync(`${bundle(entry.out)}.map`, 'utf8')) as { sources: string[] };
      assert.ok(map.sources.includes(path.relative(DIST, path.join(ROOT, entry.in))), `${entry.out}.mjs.map names ${entry.in}`);
      for (const file of reachable(entry.out)) {
        assert.ok(existsSync(file) && existsSync(`${file}.map`), `${entry.out}.mjs loads ${path.relative(DIST, file)}, with its map`);
      }
      for (const specifier of packagesImported(entry.out)) {
        assert.doesNotThrow(() => import.meta.resolve(specifier), `${entry.out}.mjs imports ${specifier}`);
      }
    }
  });

  test('GIVEN the built files THEN none imports esbuild or tsx: nothing bundles or compiles TypeScript at run time', () => {
    for (const name of distFiles().filter((file) => file.endsWith('.mjs'))) {
      const packages = importsOf(path.join(DIST, name)).map(packageName);
      assert.ok(!packages.includes('esbuild') && !packages.includes('tsx'), `${name} imports ${packages.join(', ')}`);
      assert.doesNotMatch(readFileSync(path.join(DIST, name), 'utf8'), /node_modules\/\.cache|from "(esbuild|tsx)/, name);
    }
  });

  test('GIVEN the render worker bundle THEN Vega, Vega-Lite and d3 are inlined, and MathJax and canvas stay package imports', () => {
    const packages = new Set(packagesImported('render-worker').map(packageName));
    for (const name of ['mathjax-full', 'canvas']) assert.ok(packages.has(name), `imports ${name}`);
    for (const name of packages) assert.doesNotMatch(name, /^(vega|d3-)/, `${name} is bundled, not imported`);
    const code = reachable('render-worker').map((file) => readFileSync(file, 'utf8')).join('\n');
    assert.match(code, /var version\$\d* = "6\.4\.0"/, 'the pinned vega is in the bundle');
  });

  test('GIVEN a build run twice THEN both print nothing and the second rewrites no file', async () => {
    const first = await runNode([path.join(ROOT, 'scripts/build.mjs')]);
    assert.deepEqual(first, { code: 0, stdout: '', stderr: '' });
    const before = snapshot();
    const second = await runNode([path.join(ROOT, 'scripts/build.mjs')]);
    assert.deepEqual(second, { code: 0, stdout: '', stderr: '' });
    assert.deepEqual(snapshot(), before);
  });

  test('GIVEN package.json THEN every script that runs a bundle builds first and enables source maps; only esbuild of the two is a dependency', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const runners = Object.entries(manifest.scripts).filter(([, command]) => command.includes('dist/'));
    assert.deepEqual(runners.map(([name]) => name).sort(), ['bench', 'cli', 'load', 'register', 'start', 'start:sharded']);
    for (const [name, command] of runners) {
      const out = /^node --enable-source-maps dist\/([\w-]+)\.mjs$/.exec(command)?.[1];
      assert.ok(out && ENTRIES.some((entry) => entry.out === out), `${name}: ${command}`);
      assert.equal(manifest.scripts[`pre${name}`], manifest.scripts.build, `pre${name} builds`);
    }
    // The tests' render pool loads dist/render-worker.mjs.
    assert.equal(manifest.scripts.pretest, manifest.scripts.build);
    // `npm install` then `npm start`: prestart needs esbuild; tsx only runs the tests.
    assert.ok('esbuild' in manifest.dependencies);
    assert.ok('tsx' in manifest.devDependencies && !('tsx' in manifest.dependencies));
  });

  test('GIVEN dist/cli.mjs THEN it answers /entropy q=0.5,0.5 with one JSON object: ln 2 nats', async () => {
    const result = await runEntry('src/adapters/cli/cli-main.ts', ['--json', '--no-charts', '/entropy q=0.5,0.5']);
    assert.equal(result.code, 0, result.stderr);
    const answer = JSON.parse(result.stdout) as { ok: boolean; data: { entropy: number } };
    assert.equal(answer.ok, true);
    assert.equal(answer.data.entropy, Math.LN2);
  });

  test('GIVEN dist/main.mjs, dist/shard-main.mjs and dist/register.mjs without settings THEN each loads and stops at its configuration check', async () => {
    const [main, ...discord] = await Promise.all([
      runEntry('src/main.ts', [], '', { LOG_LEVEL: 'loud' }),
      runEntry('src/shard-main.ts', [], '', { DISCORD_TOKEN: '' }),
      runEntry('src/adapters/discord/register-main.ts', [], '', { DISCORD_TOKEN: '' }),
    ]);
    assert.equal(main?.code, 1);
    assert.match(main?.stderr ?? '', /LOG_LEVEL/);
    for (const result of discord) {
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, /^Set DISCORD_TOKEN/);
    }
  });

  test('GIVEN an error thrown inside a bundle run with source maps, as the npm scripts run them, THEN its stack names the TypeScript file and line', async () => {
    // The render worker's task given no task at all throws from inside the project's code.
    const worker = pathToFileURL(bundle('render-worker')).href;
    const result = await runNode(['--enable-source-maps', '--input-type=module', '--eval', `const { default: task } = await import(${JSON.stringify(worker)}); await task(null);`]);
    assert.notEqual(result.code, 0);
    const frame = result.stderr.split('\n').find((line) => /^\s+at /.test(line)) ?? '';
    assert.ok(frame.includes(`${path.join(ROOT, 'src')}${path.sep}`) && /\.ts:\d+:\d+\)?$/.test(frame), result.stderr);
    assert.doesNotMatch(result.stderr, /render-worker\.mjs:\d+/);
  });
});

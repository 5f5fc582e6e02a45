import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { CODE_FILE, describeChain, describeTarget, ImportGraph, type ReadSource, type Target } from './support/import-graph.js';
import { ROOT } from './support/run-process.js';
import { scanImports } from './support/scan-imports.js';

/**
 * Dependencies point one way (DESIGN.md): the core and the loss math never reach a chat platform or
 * the rendering stack, the math depends on nothing, and production code never depends on tests.
 */
const PLATFORM_OR_RENDERING = [/^discord\.js$/, /^@discordjs\//, /^@slack\//, /^canvas$/, /^vega(-.+)?$/, /^@?mathjax/, /^piscina$/];

/** An `import(expression)` is flagged too: the walk cannot see where it leads. */
const reachesPlatform = (target: Target) =>
  target.kind === 'opaque' || (target.kind === 'package' && PLATFORM_OR_RENDERING.some((pattern) => pattern.test(target.name)));

function platformViolations(graph: ImportGraph, files: readonly string[]): string[] {
  return files.flatMap((file) => graph.chains(file, reachesPlatform).map(describeChain));
}

/** The one file outside src/loss the maths may name: the shared Result shape, a leaf with no imports. */
const SHARED_WITH_LOSS = 'src/core/result.ts';

function lossViolations(graph: ImportGraph, files: readonly string[]): string[] {
  return files.flatMap((file) =>
    graph
      .dependencies(file)
      .filter(({ target }) => !(target.kind === 'file' && (target.file.startsWith('src/loss/') || target.file === SHARED_WITH_LOSS)))
      .map((dependency) => describeChain({ files: [file], dependency })),
  );
}

function testImportViolations(graph: ImportGraph, files: readonly string[]): string[] {
  return files.flatMap((file) =>
    graph
      .dependencies(file)
      .filter(({ target }) => target.kind === 'file' && target.file.startsWith('test/'))
      .map((dependency) => describeChain({ files: [file], dependency })),
  );
}

function inMemory(files: Record<string, string>): ReadSource {
  return (file) => files[file];
}

const sources = new Map<string, string | undefined>();
const readFromDisk: ReadSource = (file) => {
  if (!sources.has(file)) {
    let text: string | undefined;
    try {
      text = readFileSync(path.join(ROOT, file), 'utf8');
    } catch {
      text = undefined;
    }
    sources.set(file, text);
  }
  return sources.get(file);
};

function codeFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((entry) => CODE_FILE.test(entry))
    .map((entry) => path.posix.join(dir, entry.split(path.sep).join('/')))
    .sort();
}

const repo = new ImportGraph(readFromDisk);
const listing = (violations: readonly string[]) => violations.map((line) => `  ${line}`).join('\n');

describe('scanImports', () => {
  test('GIVEN multi-line, type-only, re-exported, side-effect and dynamic imports THEN each is found on its line', () => {
    const source = [
      'import {',
      '  first,',
      '  second,',
      "} from './multi-line.js';",
      "import type { Client } from 'discord.js';",
      "export * from './again.js';",
      "export type { App } from '@slack/bolt';",
      "import './side-effect.js';",
      "const canvas = await import('canvas');",
      'const chosen = await import(name);',
      "type View = typeof import('vega');",
      "// import { Piscina } from 'piscina';",
      "const text = \"import x from 'mathjax-full'\";",
    ].join('\n');
    assert.deepEqual(scanImports(source, 'fixture.ts'), [
      { specifier: './multi-line.js', typeOnly: false, line: 1 },
      { specifier: 'discord.js', typeOnly: true, line: 5 },
      { specifier: './again.js', typeOnly: false, line: 6 },
      { specifier: '@slack/bolt', typeOnly: true, line: 7 },
      { specifier: './side-effect.js', typeOnly: false, line: 8 },
      { specifier: 'canvas', typeOnly: false, line: 9 },
      { specifier: undefined, typeOnly: false, line: 10 },
      { specifier: 'vega', typeOnly: true, line: 11 },
    ]);
  });
});

describe('the boundary rules on a fixture tree', () => {
  const fixture = new ImportGraph(
    inMemory({
      'src/core/reply.ts': "import type { Shape } from './shape.js';\nimport { render } from '../charts/renderer.js';\nexport const draw = render;",
      'src/core/shape.ts': "import type { Draw } from './reply.js';\nexport type Shape = { draw: Draw };",
      'src/charts/renderer.ts': "import { createCanvas } from 'canvas';\nimport { View } from 'vega';\nexport const render = createCanvas;",
      'src/core/plugins.ts': 'export const load = (name: string) => import(name);',
      'src/core/clean.ts': "import { randomUUID } from 'node:crypto';\nimport { pino } from 'pino';",
      'src/loss/mean.ts': "import { sum } from './sum.js';\nimport { clip } from '../core/clip.js';",
      'src/loss/sum.ts': 'export const sum = 1;',
      'src/core/clip.ts': 'export const clip = 1;',
      'src/bench/load.ts': "import { FakeDiscord } from '../../test/discord/fake-discord.js';",
      'test/discord/fake-discord.ts': "import { WebSocketServer } from 'ws';",
    }),
  );

  test('GIVEN a core file importing ../charts/renderer.js which imports canvas THEN the failure names the whole chain', () => {
    assert.deepEqual(platformViolations(fixture, ['src/core/reply.ts']), [
      'src/core/reply.ts -> src/charts/renderer.ts -> canvas',
      'src/core/reply.ts -> src/charts/renderer.ts -> vega',
    ]);
  });

  test('GIVEN the chain starts with an import type of a project file THEN it is followed, and a cycle ends the walk', () => {
    assert.deepEqual(platformViolations(fixture, ['src/core/shape.ts']), [
      'src/core/shape.ts -> src/core/reply.ts -> src/charts/renderer.ts -> canvas',
      'src/core/shape.ts -> src/core/reply.ts -> src/charts/renderer.ts -> vega',
    ]);
  });

  test('GIVEN a core file with import(expression) THEN it is reported, since the walk cannot see where it leads', () => {
    assert.deepEqual(platformViolations(fixture, ['src/core/plugins.ts']), ['src/core/plugins.ts -> import(<expression>)']);
  });

  test('GIVEN a core file using only node: builtins and a logger THEN there is nothing to report', () => {
    assert.deepEqual(platformViolations(fixture, ['src/core/clean.ts']), []);
  });

  test('GIVEN a loss file importing from src/core THEN it is reported, and its own sibling is not', () => {
    assert.deepEqual(lossViolations(fixture, ['src/loss/mean.ts', 'src/loss/sum.ts']), ['src/loss/mean.ts -> src/core/clip.ts']);
  });

  test('GIVEN production code importing a test helper THEN it is reported', () => {
    assert.deepEqual(testImportViolations(fixture, ['src/bench/load.ts']), ['src/bench/load.ts -> test/discord/fake-discord.ts']);
  });
});

describe('dependency boundaries in this repository', () => {
  const production = [...codeFiles('src'), ...codeFiles('commands')];

  test('GIVEN src/ THEN the scanner finds hundreds of imports and the Discord adapter does reach discord.js', () => {
    // A broken scanner or walk would find nothing and let every rule below pass.
    const count = codeFiles('src').reduce((total, file) => total + repo.dependencies(file).length, 0);
    assert.ok(count >= 300, `only ${count} imports found in src/`);
    const adapter = codeFiles('src/adapters/discord').flatMap((file) => repo.chains(file, reachesPlatform));
    assert.ok(adapter.some((chain) => describeTarget(chain.dependency.target) === 'discord.js'), 'no chain from src/adapters/discord to discord.js');
  });

  test('GIVEN src/ and commands/ THEN every relative import names a file that exists, so the walk has no holes', () => {
    const missing = production.flatMap((file) =>
      repo
        .dependencies(file)
        .filter(({ target }) => target.kind === 'missing')
        .map(({ target, line }) => `${file}:${line}: ${describeTarget(target)}`),
    );
    assert.deepEqual(missing, [], `imports the walk cannot follow:\n${listing(missing)}`);
  });

  test('GIVEN any file in src/core or src/loss THEN no chain of imports reaches discord.js, Slack, canvas, vega, MathJax or piscina', () => {
    const violations = platformViolations(repo, [...codeFiles('src/core'), ...codeFiles('src/loss')]);
    assert.deepEqual(
      violations,
      [],
      `the core and the loss math must not depend on a platform or the rendering stack; move the shared type into src/core or pass the capability in:\n${listing(violations)}`,
    );
  });

  test('GIVEN the commands and the wording THEN no chain of imports loads node-canvas, the worker pool or MathJax: text-only uses never pay for them', () => {
    const heavy = (target: Target) => target.kind === 'package' && /^(canvas|piscina|mathjax-full)$/.test(target.name);
    const files = [...codeFiles('commands'), ...codeFiles('src/explain'), ...codeFiles('src/derive')];
    const violations = files.flatMap((file) => repo.chains(file, heavy).map(describeChain));
    assert.deepEqual(violations, [], `pictures come through the renderers in the RunContext, never an import:\n${listing(violations)}`);
  });

  test('GIVEN the Result shape loss shares with the core THEN it imports nothing itself', () => {
    assert.deepEqual(repo.dependencies(SHARED_WITH_LOSS), []);
  });

  test('GIVEN any file in src/loss THEN it imports only other files in src/loss (and the shared Result)', () => {
    const violations = lossViolations(repo, codeFiles('src/loss'));
    assert.deepEqual(violations, [], `src/loss is pure math and depends on nothing outside it:\n${listing(violations)}`);
  });

  test('GIVEN any file in src/ or commands/ THEN none imports from test/', () => {
    const violations = testImportViolations(repo, production);
    assert.deepEqual(violations, [], `production code must not depend on test code:\n${listing(violations)}`);
  });
});

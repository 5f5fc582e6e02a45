import path from 'node:path';
import { scanImports, type ModuleImport } from './scan-imports.js';

/** A file's text by its path from the repository root ('src/core/reply.ts'), or undefined if there is none. */
export type ReadSource = (file: string) => string | undefined;

/** Where one import leads. */
export type Target =
  | { kind: 'file'; file: string }
  | { kind: 'package'; name: string }
  /** A relative specifier with no file behind it: a hole the walk cannot see through. */
  | { kind: 'missing'; specifier: string }
  /** `import(expression)`: nothing to resolve. */
  | { kind: 'opaque' };

export interface Dependency extends ModuleImport {
  target: Target;
}

/** A path of imports from a starting file to the offending target, for the failure message. */
export interface Chain {
  files: string[];
  dependency: Dependency;
}

export const CODE_FILE = /\.(ts|mts|cts|js|mjs|cjs)$/;

/**
 * NodeNext specifiers name the emitted file ('./reply.js') while the source is './reply.ts'; the
 * build (esbuild) and tsx also accept the source name itself ('./render-worker-main.ts').
 */
function candidates(file: string): string[] {
  const swap = (from: string, to: string[]) => to.map((ext) => file.slice(0, -from.length) + ext);
  if (file.endsWith('.js')) return swap('.js', ['.ts', '.tsx', '.js']);
  if (file.endsWith('.mjs')) return swap('.mjs', ['.mts', '.mjs']);
  if (file.endsWith('.cjs')) return swap('.cjs', ['.cts', '.cjs']);
  if (path.posix.extname(file)) return [file];
  return ['.ts', '.mts', '.mjs', '.js', '/index.ts'].map((ext) => file + ext);
}

/** 'discord.js/typings' -> 'discord.js', '@slack/bolt/dist/x' -> '@slack/bolt', 'node:fs' stays. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

export function describeTarget(target: Target): string {
  switch (target.kind) {
    case 'file': return target.file;
    case 'package': return target.name;
    case 'missing': return `${target.specifier} (no such file)`;
    case 'opaque': return 'import(<expression>)';
  }
}

export function describeChain(chain: Chain): string {
  const kind = chain.dependency.typeOnly ? ' (type-only)' : '';
  return [...chain.files, describeTarget(chain.dependency.target)].join(' -> ') + kind;
}

/** The project's import graph, scanned lazily file by file; node ids are root-relative POSIX paths. */
export class ImportGraph {
  readonly #read: ReadSource;
  readonly #cache = new Map<string, Dependency[]>();

  constructor(read: ReadSource) {
    this.#read = read;
  }

  dependencies(file: string): Dependency[] {
    let found = this.#cache.get(file);
    if (!found) {
      const source = this.#read(file);
      if (source === undefined) throw new Error(`${file}: cannot be read`);
      found = scanImports(source, file).map((ref) => ({ ...ref, target: this.#resolve(file, ref.specifier) }));
      this.#cache.set(file, found);
    }
    return found;
  }

  /**
   * The shortest chain from `start` to each distinct target `isBad` picks, following every project
   * file import (type-only ones too: the rule is about the design, not what survives compilation).
   */
  chains(start: string, isBad: (target: Target) => boolean): Chain[] {
    const found = new Map<string, Chain>();
    const seen = new Set([start]);
    let frontier: string[][] = [[start]];
    while (frontier.length > 0) {
      const next: string[][] = [];
      for (const files of frontier) {
        for (const dependency of this.dependencies(files.at(-1) as string)) {
          const label = describeTarget(dependency.target);
          if (isBad(dependency.target) && !found.has(label)) found.set(label, { files, dependency });
          if (dependency.target.kind === 'file' && !seen.has(dependency.target.file)) {
            seen.add(dependency.target.file);
            next.push([...files, dependency.target.file]);
          }
        }
      }
      frontier = next;
    }
    return [...found.values()];
  }

  #resolve(from: string, specifier: string | undefined): Target {
    if (specifier === undefined) return { kind: 'opaque' };
    if (specifier.startsWith('/')) return { kind: 'missing', specifier };
    if (!specifier.startsWith('.')) return { kind: 'package', name: packageName(specifier) };
    const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
    if (joined.startsWith('../')) return { kind: 'missing', specifier };
    const file = candidates(joined).find((candidate) => this.#read(candidate) !== undefined);
    return file ? { kind: 'file', file } : { kind: 'missing', specifier };
  }
}

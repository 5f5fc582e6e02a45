import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRIES } from '../../scripts/entries.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * How the npm scripts start an entry point, named by its source ('src/main.ts'): its bundle from
 * `npm run build` (run by `pretest`), with source maps. `node --enable-source-maps dist/<out>.mjs [args]`.
 */
export function launchArgs(entry: string, args: readonly string[] = []): string[] {
  const built = ENTRIES.find((candidate) => candidate.in === entry);
  if (!built) throw new Error(`${entry} is not an entry point of the build (scripts/entries.mjs)`);
  return ['--enable-source-maps', path.join(ROOT, 'dist', `${built.out}.mjs`), ...args];
}

/** Runs a project entry point as `npm run` would, waiting on the exit event. */
export async function runEntry(entry: string, args: readonly string[], input?: string, env: NodeJS.ProcessEnv = {}): Promise<ProcessResult> {
  const child = spawn(process.execPath, launchArgs(entry, args), {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'error', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(input ?? '');
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

import { Writable } from 'node:stream';
import { commands } from '../../commands/index.js';
import type { RunContext } from '../../src/core/command.js';
import { Dispatcher, type FileReader } from '../../src/core/dispatch.js';
import { createLogger } from '../../src/core/logger.js';
import { CommandRegistry } from '../../src/core/registry.js';
import type { Reply } from '../../src/core/reply.js';
import { err, ok } from '../../src/core/result.js';
import { userError } from '../../src/core/user-error.js';

/** The real core with the real commands; logs go nowhere; charts off unless a test adds them. */
export function createTestDispatcher(): Dispatcher {
  const silent = createLogger('silent', new Writable({ write: (_chunk, _enc, done) => done() }));
  return new Dispatcher(new CommandRegistry(commands), silent);
}

/** A text-only context: no renderers. */
export function textContext(): RunContext {
  return { theme: 'light' };
}

/** CSV "files" a test names by key. */
export function testFiles(files: Record<string, string> = {}): FileReader {
  return async (source) => {
    const text = files[source];
    return text === undefined ? err(userError('file-unreadable', `no test file ${source}`)) : ok(text);
  };
}

const dispatcher = createTestDispatcher();

export function ask(line: string, files?: Record<string, string>): Promise<Reply> {
  return dispatcher.handleLine(line, textContext(), testFiles(files));
}

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from './support/run-process.js';

/** Every `NAME: z.` key of a config schema: the variables lossbot reads (config.ts and every *-config.ts). */
function variablesRead(): Set<string> {
  const files = ['src/config.ts', ...readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('-config.ts'))
    .map((file) => path.join('src', file))];
  const names = new Set<string>();
  for (const file of files) for (const match of readFileSync(path.join(ROOT, file), 'utf8').matchAll(/^\s+([A-Z][A-Z0-9_]+): z\./gm)) names.add(match[1] as string);
  return names;
}

describe('.env.example', () => {
  test('GIVEN the config schemas THEN .env.example lists every variable they read, set or commented out', () => {
    const listed = new Set([...readFileSync(path.join(ROOT, '.env.example'), 'utf8').matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const read = variablesRead();
    assert.ok(read.size >= 20 && read.has('RENDER_HEAP') && read.has('SLACK_SIGNING_SECRET') && read.has('DATABASE_URL'), [...read].join(' '));
    for (const name of read) assert.ok(listed.has(name), `${name} is read but not in .env.example`);
  });
});

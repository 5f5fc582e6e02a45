import { existsSync } from 'node:fs';
import { ConfigError } from '../../config.js';
import { register } from './register.js';

// `npm run register`; the work is in register.ts so a test can run it against a fake Discord.
if (existsSync('.env')) process.loadEnvFile('.env');
register().then(
  (message) => process.stdout.write(`${message}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : `registration failed: ${error instanceof Error ? error.message : String(error)}`}\n`);
    process.exitCode = 1;
  },
);

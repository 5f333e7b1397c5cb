#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so that `npx follow-up …` works in a clone after `npm ci`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const tsx = require.resolve('tsx/cli');
const result = spawnSync(process.execPath, [tsx, join(here, '..', 'src', 'cli', 'main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { TZ: 'UTC', ...process.env },
});
process.exit(result.status ?? 1);

import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { TOOLKIT_VERSION } from '../../src/version.js';

test('the printed toolkit version is the package version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(TOOLKIT_VERSION).toBe(pkg.version);
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    coverage: { provider: 'v8', include: ['src/**'] },
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The default reporter, plus one plain closing line ("vitest: N passed, N failed")
    // that CI reads.
    reporters: ['default', './scripts/closing-line-reporter.ts'],
  },
});

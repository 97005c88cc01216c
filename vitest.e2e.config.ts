import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension (.output/chrome-mv3) in Debian's Chromium. `npm test` builds
// first; one browser per file, files one after another (two cores).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A real browser on a shared two-core machine: give polled expectations time.
    expect: { poll: { timeout: 10_000 } },
  },
});

import { defineProject } from 'vitest/config';

// Unit tests (test/unit, test/cli.test.ts) run under Node; browser tests (test/browser) drive Debian's
// Chromium against a real hub serving the built console (npm test builds the apps first).
export default defineProject({
  test: {
    name: 'supervisor',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    expect: { poll: { timeout: 5_000 } },
    hookTimeout: 60_000,
  },
});

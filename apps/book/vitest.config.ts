import { defineProject } from 'vitest/config';

// Unit tests run under Node; browser tests (test/browser/*.test.ts) drive Debian's Chromium against
// a real hub serving the built app (npm test builds the apps first).
export default defineProject({
  test: {
    name: 'book',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    expect: { poll: { timeout: 5_000 } },
    hookTimeout: 60_000,
  },
});

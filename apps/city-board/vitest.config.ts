import { defineProject } from 'vitest/config';

// Unit tests run under Node; the browser test drives Debian's Chromium against a real city on a
// private PostgreSQL with real hubs' uplinks (npm test builds the app first). Each file starts a cluster.
export default defineProject({
  test: {
    name: 'city-board',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

import { defineProject } from 'vitest/config';

// Each test file starts its own PostgreSQL cluster (a few seconds), hence the hook timeout.
export default defineProject({
  test: { name: 'city', include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
});

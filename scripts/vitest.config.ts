import { defineProject } from 'vitest/config';

// The scripts' own tests (the demo's booking step): small, against a test hub.
export default defineProject({
  test: { name: 'scripts', include: ['test/**/*.test.ts'] },
});

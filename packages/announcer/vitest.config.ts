import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'announcer', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'] },
});

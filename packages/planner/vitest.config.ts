import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'planner', include: ['test/**/*.test.ts'] },
});

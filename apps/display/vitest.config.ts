import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'display', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'] },
});

import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'printer', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'] },
});

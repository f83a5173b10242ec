import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'kiosk', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'] },
});

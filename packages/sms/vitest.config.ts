import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'sms', include: ['test/**/*.test.ts'] },
});

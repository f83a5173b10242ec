import { defineConfig } from 'vitest/config';

// One root config; each workspace is a project so `vitest run` runs them all in parallel.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'scripts'],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/core/**/*.test.ts', 'test/testing/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});

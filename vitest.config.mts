import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The same "@/" alias as tsconfig.json, so route handlers (app/api/**) can be tested directly.
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'app/api/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['scripts/vitest-tmp.ts'],
  },
});

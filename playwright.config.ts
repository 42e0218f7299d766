import { defineConfig } from '@playwright/test';
import { CHROMIUM } from './e2e/chromium';

// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  // A UI wait, not a speed check: on a 2-core CI machine a server busy with a background analysis can take more than
  // the default 5 s to answer a sign-in or a save.
  expect: { timeout: 15_000 },
  workers: 2,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: CHROMIUM,
  },
  webServer: {
    command: `bash scripts/e2e-server.sh ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/analysis`,
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    env: { NEXT_TELEMETRY_DISABLED: '1', DOTENV_CONFIG_QUIET: 'true' },
  },
});

/**
 * How the tests and the screenshot script launch Debian's Chromium: no sandbox (root in CI), no GPU, and none of the
 * background connections a closed network refuses.
 */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

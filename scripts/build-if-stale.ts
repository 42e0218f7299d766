// npm start's first step: build only when there is no production build, or when a source file is newer than it.
// Usage: tsx scripts/build-if-stale.ts
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['app', 'lib', 'proxy.ts', 'next.config.js', 'package.json', 'tsconfig.json'];
const BUILD_ID = path.join('.next', 'BUILD_ID');

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p).reduce((m, name) => Math.max(m, newest(path.join(p, name))), s.mtimeMs);
}

const built = existsSync(BUILD_ID) ? statSync(BUILD_ID).mtimeMs : 0;
const changed = Math.max(...SOURCES.map(newest));
if (built > changed) {
  console.log('Production build is current; not rebuilding.');
} else {
  console.log(built ? 'Sources changed since the last build; building.' : 'No production build yet; building.');
  const r = spawnSync('npx', ['next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  process.exit(r.status ?? 1);
}

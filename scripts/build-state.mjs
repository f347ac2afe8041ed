// Decide whether the compiled server (dist/) or web app (web/dist/) is older than its sources.
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) {
    if (child === 'node_modules' || child === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

export const targets = {
  server: {
    sources: ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    stamp: 'dist/.build-stamp',
  },
  web: {
    sources: ['web/src', 'web/index.html', 'web/vite.config.ts', 'src', 'package-lock.json'],
    stamp: 'web/dist/.build-stamp',
  },
};

export function isStale(root, target) {
  const { sources, stamp } = targets[target];
  const stampPath = path.join(root, stamp);
  if (!fs.existsSync(stampPath)) return true;
  const built = fs.statSync(stampPath).mtimeMs;
  return sources.some((source) => newestMtime(path.join(root, source)) > built);
}

export function markBuilt(root, target) {
  const stampPath = path.join(root, targets[target].stamp);
  fs.mkdirSync(path.dirname(stampPath), { recursive: true });
  fs.writeFileSync(stampPath, new Date().toISOString());
}

#!/usr/bin/env node
// `npm start [-- --demo ...]`: build what is stale, then migrate and serve.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStale, markBuilt } from './build-state.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(label, args) {
  process.stderr.write(`custos: building ${label}…\n`);
  const result = spawnSync('npm', ['run', '--silent', ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (isStale(root, 'server')) {
  run('server', ['build:server']);
  markBuilt(root, 'server');
}
if (isStale(root, 'web')) {
  run('web app', ['build:web']);
  markBuilt(root, 'web');
}
const result = spawnSync(
  process.execPath,
  [path.join(root, 'dist/src/cli/main.js'), 'serve', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);

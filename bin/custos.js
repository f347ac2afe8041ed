#!/usr/bin/env node
// The `custos` command. Uses the compiled CLI when it is up to date, else runs the TypeScript
// sources through tsx (a checkout without a build: `npx custos ...`).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isStale } from '../scripts/build-state.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!isStale(root, 'server')) {
  await import(pathToFileURL(path.join(root, 'dist/src/cli/main.js')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, 'src/cli/main.ts')).href);
}

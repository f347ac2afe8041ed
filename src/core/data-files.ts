import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

/**
 * A path inside the shipped `data/` folder. The package root is the nearest folder above this file
 * with a package.json, so data is found from the sources (src/core) and the build (dist/src/core) alike.
 */
export function dataPath(...segments: string[]): string {
  if (root === null) {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    while (!fs.existsSync(path.join(dir, 'package.json'))) {
      const parent = path.dirname(dir);
      if (parent === dir) throw new Error(`cannot find the Custos package root above ${import.meta.url}`);
      dir = parent;
    }
    root = dir;
  }
  return path.join(root, 'data', ...segments);
}

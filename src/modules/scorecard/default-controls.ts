import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRuleSetYaml, type RuleDefinition } from './rule.schema.js';

/*
 * The shipped default controls, read once from data/scorecard/default-controls.yaml. This is the only
 * file of the scorecard's logic that touches the disk; everything it feeds stays pure.
 */

const RELATIVE_PATH = path.join('data', 'scorecard', 'default-controls.yaml');

let cached: RuleDefinition[] | undefined;

/** The six default controls, validated (a broken file fails loudly, naming the bad path). */
export function defaultControls(): RuleDefinition[] {
  cached ??= loadControlsFile(defaultControlsPath());
  return cached;
}

export function loadControlsFile(file: string): RuleDefinition[] {
  return parseRuleSetYaml(fs.readFileSync(file, 'utf8'), file);
}

/** The package root is the nearest folder above this file with a package.json (same for src/ and dist/src/). */
export function defaultControlsPath(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(`cannot find ${RELATIVE_PATH}: no package.json above ${import.meta.url}`);
    dir = parent;
  }
  return path.join(dir, RELATIVE_PATH);
}

import fs from 'node:fs';
import path from 'node:path';
import { dataPath } from '../../core/data-files.js';
import { parseRuleSetYaml, type RuleDefinition } from './rule.schema.js';

/*
 * The shipped default controls, read once from data/scorecard/default-controls.yaml. This is the only
 * file of the scorecard's logic that touches the disk; everything it feeds stays pure.
 */

const RELATIVE_PATH = path.join('scorecard', 'default-controls.yaml');

let cached: RuleDefinition[] | undefined;

/** The six default controls, validated (a broken file fails loudly, naming the bad path). */
export function defaultControls(): RuleDefinition[] {
  cached ??= loadControlsFile(defaultControlsPath());
  return cached;
}

export function loadControlsFile(file: string): RuleDefinition[] {
  return parseRuleSetYaml(fs.readFileSync(file, 'utf8'), file);
}

export function defaultControlsPath(): string {
  return dataPath(RELATIVE_PATH);
}

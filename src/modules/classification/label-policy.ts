import fs from 'node:fs';
import path from 'node:path';
import { dataPath } from '../../core/data-files.js';
import YAML from 'yaml';
import { errors, type FieldIssue } from '../../core/errors.js';
import type { DetectionSignal, DetectorId } from './classification.schema.js';
import { labelPolicySchema, type DataCategory, type LabelPolicy } from './label-policy.schema.js';

/** Read and check a label policy written in YAML; every problem is reported with its path. */
export function parseLabelPolicy(text: string, source = 'label policy'): LabelPolicy {
  let data: unknown;
  try {
    data = YAML.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'not YAML';
    throw errors.validation(`${source}: not valid YAML (${reason})`, [
      { path: source, message: String(reason) },
    ]);
  }
  const result = labelPolicySchema.safeParse(data);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message:
      issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
  throw errors.validation(`${source}: ${issues[0]!.path}: ${issues[0]!.message}`, issues);
}

/** The shipped policy: data/labels/policy.yaml. */
export function defaultLabelPolicyPath(): string {
  return dataPath('labels', 'policy.yaml');
}

/** Load a policy file (the shipped one by default). */
export function loadLabelPolicy(file: string = defaultLabelPolicyPath()): LabelPolicy {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw errors.notFound('Label policy file', file);
  }
  return parseLabelPolicy(text, path.basename(file));
}

/** A label's position in the taxonomy (0 = lowest); -1 when the policy has no such label. */
export function labelRank(policy: LabelPolicy, label: string): number {
  return policy.taxonomy.findIndex((l) => l.name === label);
}

export function categoryOf(policy: LabelPolicy, detector: DetectorId): DataCategory | null {
  for (const [category, detectors] of Object.entries(policy.categories))
    if (detectors?.includes(detector)) return category as DataCategory;
  return null;
}

export function signalCategory(policy: LabelPolicy, signal: DetectionSignal): DataCategory | null {
  return policy.signals[signal] ?? null;
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../core/errors.js';
import { DETECTOR_IDS } from './classification.schema.js';
import {
  categoryOf,
  defaultLabelPolicyPath,
  labelRank,
  loadLabelPolicy,
  parseLabelPolicy,
} from './label-policy.js';

const shipped = fs.readFileSync(defaultLabelPolicyPath(), 'utf8');

/** The shipped policy with one change, as YAML text. */
function variant(change: (policy: Record<string, unknown>) => void): string {
  const policy = YAML.parse(shipped) as Record<string, unknown>;
  change(policy);
  return YAML.stringify(policy);
}

function refusal(text: string): AppError {
  try {
    parseLabelPolicy(text, 'policy.yaml');
  } catch (error) {
    return error as AppError;
  }
  throw new Error('the policy was accepted');
}

describe('label policy file', () => {
  it('ships a valid policy: four labels, lowest first, with UN, OCHA and Purview equivalents', () => {
    const policy = loadLabelPolicy();
    expect(policy.taxonomy.map((l) => l.name)).toEqual([
      'Public',
      'Internal',
      'Confidential',
      'Strictly Confidential',
    ]);
    expect(policy.taxonomy[3]!.equivalents).toEqual({
      un_st_sgb_2007_6: 'Strictly Confidential',
      ocha: 'Severe sensitivity',
      purview: 'Highly Confidential',
    });
    expect(labelRank(policy, 'Confidential')).toBe(2);
    expect(labelRank(policy, 'Secret')).toBe(-1);
  });

  it('puts every detector in exactly one category', () => {
    const policy = loadLabelPolicy();
    for (const id of DETECTOR_IDS) expect(categoryOf(policy, id)).not.toBeNull();
    expect(categoryOf(policy, 'health')).toBe('special_category');
    expect(categoryOf(policy, 'phone')).toBe('direct_identifier');
    expect(categoryOf(policy, 'gender')).toBe('quasi_identifier');
  });

  it.each<[string, (p: Record<string, unknown>) => void, RegExp]>([
    ['an unknown field', (p) => (p.colour = 'red'), /unknown field\(s\): colour/],
    [
      'a rule naming a label outside the taxonomy',
      (p) => ((p.rules as { label: string }[])[0]!.label = 'Secret'),
      /unknown label "Secret"/,
    ],
    [
      'a detector in two categories',
      (p) => (p.categories as Record<string, string[]>).quasi_identifier!.push('phone'),
      /phone is already in category/,
    ],
    [
      'a detector without a category',
      (p) => ((p.categories as Record<string, string[]>).secret = []),
      /missing: credential/,
    ],
    [
      'an unknown detector',
      (p) => (p.categories as Record<string, string[]>).secret!.push('shoe_size'),
      /categories\.secret/,
    ],
    ['an empty condition', (p) => ((p.rules as { when: object }[])[0]!.when = {}), /any_of, all_of or none/],
    [
      'access rules for an unknown label',
      (p) => ((p.access as Record<string, object>).Secret = {}),
      /unknown label "Secret"/,
    ],
    [
      'an unknown principal type',
      (p) =>
        ((p.access as Record<string, object>).Public = {
          forbid: [{ principal_type: 'robot', severity: 'low' }],
        }),
      /access\.Public\.forbid\.0\.principal_type/,
    ],
    [
      'a duplicated label',
      (p) => (p.taxonomy as object[]).push((p.taxonomy as object[])[0]!),
      /listed twice/,
    ],
  ])('refuses %s, saying where', (_name, change, message) => {
    const error = refusal(variant(change));
    expect(error.code).toBe('validation_failed');
    expect(`${error.message} ${JSON.stringify(error.details)}`).toMatch(message);
  });

  it('refuses text that is not YAML', () => {
    expect(refusal('rules: [unclosed').message).toMatch(/not valid YAML/);
  });

  it('reports a missing policy file as not found', () => {
    const missing = path.join(os.tmpdir(), 'no-such-custos-policy.yaml');
    expect(() => loadLabelPolicy(missing)).toThrow(/was not found/);
  });
});

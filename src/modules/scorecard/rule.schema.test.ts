import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { AppError, type FieldIssue } from '../../core/errors.js';
import { defaultControlsPath, loadControlsFile } from './default-controls.js';
import { compileControl } from './health-controls.js';
import { healthyAsset } from './testing/assets.js';
import { RULE_LIMITS } from './condition.schema.js';
import { parseRuleDefinition, parseRuleSet, parseRuleSetYaml } from './rule.schema.js';

/** The issues a bad definition is refused with. */
function issuesOf(action: () => unknown): FieldIssue[] {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation_failed');
    return (error as AppError & { details: { issues: FieldIssue[] } }).details.issues;
  }
  throw new Error('expected the definition to be refused');
}

const rule = (passes_when: unknown, extra: Record<string, unknown> = {}) => ({
  id: 'custom',
  name: { en: 'Custom' },
  passes_when,
  ...extra,
});
const reason = (code: string) => ({ code, message: { en: 'text' } });

describe('rule definitions', () => {
  it('accepts a definition with every kind of condition and fills the default severity', () => {
    const parsed = parseRuleDefinition(
      rule({
        all: [
          { field_set: 'purpose' },
          { field_in: { field: 'sensitivity_label', values: ['Confidential'] } },
          { date_within_days: { field: 'last_reviewed', days: 180 } },
          { min_length: { field: 'description', length: 50 } },
          {
            any: [
              { field_set: 'fields.dpia' },
              { not: { field_in: { field: 'personal_data', values: [true] } } },
            ],
          },
        ],
      }),
    );
    expect(parsed.severity).toBe('medium');
    expect(parsed.applies_when).toBeUndefined();
  });

  it.each<[string, unknown, string, RegExp]>([
    ['an unknown field', rule({ field_set: 'owner' }), 'passes_when.field_set', /unknown field "owner"/],
    [
      'a custom field with a bad name',
      rule({ field_set: 'fields.Bad Name' }),
      'passes_when.field_set',
      /unknown field/,
    ],
    [
      'a date test on a text field',
      rule({ date_within_days: { field: 'purpose', days: 3 } }),
      'passes_when.date_within_days.field',
      /needs a date field/,
    ],
    [
      'a length test on a yes/no field',
      rule({ min_length: { field: 'personal_data', length: 3 } }),
      'passes_when.min_length.field',
      /needs a text field/,
    ],
    [
      'a list test on a date field',
      rule({ field_in: { field: 'last_reviewed', values: ['2026-01-01'] } }),
      'passes_when.field_in.field',
      /text or yes\/no/,
    ],
    [
      '"yes" for a yes/no field',
      rule({ field_in: { field: 'personal_data', values: ['yes'] } }),
      'passes_when.field_in.values.0',
      /use true or false/,
    ],
    [
      'a number for a text field',
      rule({ field_in: { field: 'office_key', values: ['KE', 7] } }),
      'passes_when.field_in.values.1',
      /use text/,
    ],
    [
      'an empty value list',
      rule({ field_in: { field: 'office_key', values: [] } }),
      'passes_when.field_in.values',
      /.+/,
    ],
    [
      'negative days',
      rule({ date_within_days: { field: 'last_reviewed', days: -1 } }),
      'passes_when.date_within_days.days',
      /.+/,
    ],
    [
      'fractional days',
      rule({ date_within_days: { field: 'last_reviewed', days: 1.5 } }),
      'passes_when.date_within_days.days',
      /.+/,
    ],
    [
      'two operators in one condition',
      rule({ field_set: 'purpose', any: [] }),
      'passes_when',
      /one operator per condition, found field_set and any/,
    ],
    [
      'a misspelt operator',
      rule({ all: [{ feild_set: 'purpose' }] }),
      'passes_when.all.0',
      /unknown condition "feild_set"/,
    ],
    [
      'a condition that is not an object',
      rule({ all: ['purpose'] }),
      'passes_when.all.0',
      /expected a condition/,
    ],
    ['an empty all', rule({ all: [] }), 'passes_when.all', /.+/],
    [
      'an unknown key beside the operator',
      rule({ field_set: 'purpose', because: 'x' }),
      'passes_when',
      /unknown field\(s\): because/,
    ],
    [
      'both reason and reasons',
      rule({ field_set: 'purpose', reason: reason('custom.a'), reasons: {} }),
      'passes_when.reasons',
      /either reason or reasons/,
    ],
    [
      'an outcome the test cannot have',
      rule({ field_set: 'purpose', reasons: { too_old: reason('custom.a') } }),
      'passes_when.reasons',
      /too_old/,
    ],
    [
      'reasons on all',
      rule({ all: [{ field_set: 'purpose' }], reasons: {} }),
      'passes_when',
      /unknown field\(s\): reasons/,
    ],
    [
      'a reason code of another control',
      rule({ field_set: 'purpose', reason: reason('ownership.missing') }),
      'passes_when.reason.code',
      /start with "custom\."/,
    ],
    [
      'a reason code without a dot',
      rule({ field_set: 'purpose', reason: reason('custom') }),
      'passes_when.reason.code',
      /<control id>\.<reason>/,
    ],
    [
      'a reason without English',
      rule({ field_set: 'purpose', reason: { code: 'custom.a', message: { fr: 'texte' } } }),
      'passes_when.reason.message.en',
      /.+/,
    ],
    ['the reserved id "rule"', { ...rule({ field_set: 'purpose' }), id: 'rule' }, 'id', /reserved/],
    ['an id with capitals', { ...rule({ field_set: 'purpose' }), id: 'MyRule' }, 'id', /lower-case/],
    ['a name without English', { ...rule({ field_set: 'purpose' }), name: { fr: 'Nom' } }, 'name.en', /.+/],
    ['an unknown severity', rule({ field_set: 'purpose' }, { severity: 'urgent' }), 'severity', /.+/],
    [
      'an unknown top-level key',
      rule({ field_set: 'purpose' }, { weight: 2 }),
      '(root)',
      /unknown field\(s\): weight/,
    ],
    ['no passes_when', { id: 'custom', name: { en: 'Custom' } }, 'passes_when', /.+/],
    [
      'a bad applies_when',
      rule({ field_set: 'purpose' }, { applies_when: { field_in: { field: 'nope', values: ['x'] } } }),
      'applies_when.field_in.field',
      /unknown field/,
    ],
  ])('refuses %s, naming the path', (_label, definition, pathText, message) => {
    const issues = issuesOf(() => parseRuleDefinition(definition));
    expect(issues).toContainEqual({ path: pathText, message: expect.stringMatching(message) });
  });

  it('names the path of a problem deep inside nested conditions', () => {
    const issues = issuesOf(() =>
      parseRuleDefinition(
        rule({
          any: [
            { field_set: 'purpose' },
            { all: [{ not: { field_in: { field: 'personal_data', values: ['no'] } } }] },
          ],
        }),
      ),
    );
    expect(issues).toEqual([
      {
        path: 'passes_when.any.1.all.0.not.field_in.values.0',
        message: 'personal_data is yes/no: use true or false',
      },
    ]);
  });

  it('puts the first problem in the error message', () => {
    expect(() => parseRuleDefinition(rule({ field_set: 'owner' }))).toThrow(
      /The control definition is not valid: passes_when\.field_set: unknown field "owner"/,
    );
  });

  it(`refuses nesting deeper than ${RULE_LIMITS.depth} levels`, () => {
    let condition: unknown = { field_set: 'purpose' };
    for (let level = 1; level < RULE_LIMITS.depth; level += 1) condition = { not: condition };
    expect(() => parseRuleDefinition(rule(condition))).not.toThrow();
    const issues = issuesOf(() => parseRuleDefinition(rule({ not: condition })));
    expect(issues).toEqual([
      {
        path: `passes_when${'.not'.repeat(RULE_LIMITS.depth)}`,
        message: `nested deeper than ${RULE_LIMITS.depth} levels`,
      },
    ]);
  });

  it(`refuses more than ${RULE_LIMITS.nodes} conditions in one rule`, () => {
    const parts = (n: number) => Array.from({ length: n }, () => ({ field_set: 'purpose' }));
    const wide = (n: number) => ({ all: [{ all: parts(n) }, { all: parts(RULE_LIMITS.nodes - 3 - n) }] });
    expect(() => parseRuleDefinition(rule(wide(48)))).not.toThrow();
    const issues = issuesOf(() => parseRuleDefinition(rule({ all: [wide(48), { field_set: 'purpose' }] })));
    expect(issues).toContainEqual({
      path: '(root)',
      message: `a rule may have at most ${RULE_LIMITS.nodes} conditions`,
    });
  });
});

describe('rule sets', () => {
  it('refuses two controls with the same id, naming the second', () => {
    const issues = issuesOf(() =>
      parseRuleSet({ controls: [rule({ field_set: 'purpose' }), rule({ field_set: 'retention' })] }),
    );
    expect(issues).toEqual([{ path: 'controls.1.id', message: 'control custom is defined twice' }]);
  });

  it('refuses one reason code used for two reasons', () => {
    const issues = issuesOf(() =>
      parseRuleSet({
        controls: [
          rule({
            all: [
              { field_set: 'purpose', reason: reason('custom.a') },
              { field_set: 'retention', reason: reason('custom.a') },
            ],
          }),
        ],
      }),
    );
    expect(issues).toEqual([
      {
        path: 'controls.0.passes_when.all.1.reason.code',
        message: expect.stringMatching(/custom\.a is used twice/),
      },
    ]);
  });

  it('reads YAML and names the file when it is not valid', () => {
    const yamlText =
      'controls:\n  - id: custom\n    name: { en: Custom }\n    passes_when: { field_set: nope }\n';
    expect(() => parseRuleSetYaml(yamlText, 'my-controls.yaml')).toThrow(
      /^my-controls\.yaml: .*passes_when\.field_set/,
    );
    expect(() => parseRuleSetYaml('controls: [', 'broken.yaml')).toThrow(/broken\.yaml is not valid YAML/);
  });

  it('loads a controls file from disk', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-rules-'));
    const file = path.join(dir, 'controls.yaml');
    fs.writeFileSync(
      file,
      'controls:\n  - id: has_purpose\n    name: { en: Purpose }\n    passes_when: { field_set: purpose }\n',
    );
    expect(loadControlsFile(file).map((c) => c.id)).toEqual(['has_purpose']);
    fs.rmSync(dir, { recursive: true });
  });

  it('finds the shipped defaults from the package root', () => {
    expect(defaultControlsPath()).toBe(path.resolve('data/scorecard/default-controls.yaml'));
    expect(fs.existsSync(defaultControlsPath())).toBe(true);
  });
});

describe('the user guide', () => {
  it('shows a custom control that is valid and behaves as described', () => {
    const guide = fs.readFileSync('docs/scorecard.md', 'utf8');
    const section = guide.slice(guide.indexOf('## Your own controls'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const control = parseRuleDefinition(YAML.parse(example));
    expect(control.id).toBe('dpia_done');
    const compiled = compileControl(control, '2026-12-01');
    const result = compiled.evaluate(healthyAsset({ fields: { dpia_date: '2024-06-01' } }));
    expect(result.reasons.map((r) => r.message)).toEqual(['The DPIA is 913 days old, more than 730']);
    expect(compiled.status(healthyAsset({ sensitivity_label: 'Internal' }))).toBe('NOT_APPLICABLE');
  });
});

import { describe, expect, it } from 'vitest';
import { defaultControls } from './default-controls.js';
import {
  compileControls,
  DEFAULT_CONTROL_IDS,
  evaluateAsset,
  reasonMessage,
  reasonMessages,
  type ControlStatus,
} from './health-controls.js';
import { ruleReasons } from './rule.schema.js';
import type { ScoredAsset } from './scored-asset.js';
import { AS_OF, healthyAsset } from './testing/assets.js';

/** One control's verdict on an asset that is healthy except for `overrides`. */
function verdict(control: string, overrides: Partial<ScoredAsset>, asOf = AS_OF) {
  const compiled = compileControls(defaultControls(), asOf).find((c) => c.id === control)!;
  const result = compiled.evaluate(healthyAsset(overrides));
  expect(compiled.status(healthyAsset(overrides))).toBe(result.status);
  return {
    status: result.status,
    codes: result.reasons.map((r) => r.code),
    messages: result.reasons.map((r) => r.message),
  };
}

type Case = [string, Partial<ScoredAsset>, ControlStatus, string[]];

function table(control: string, cases: Case[]) {
  describe(control, () => {
    it.each(cases)('%s → %s', (_label, overrides, status, codes) => {
      const result = verdict(control, overrides);
      expect(result.status).toBe(status);
      expect(result.codes).toEqual(codes);
    });
  });
}

describe('the default controls file', () => {
  it('defines exactly the six controls of the issue, in its order', () => {
    expect(defaultControls().map((c) => c.id)).toEqual([...DEFAULT_CONTROL_IDS]);
  });

  it('gives every control and every reason English, French and Spanish text', () => {
    for (const control of defaultControls()) {
      expect(Object.keys(control.name).sort()).toEqual(['en', 'es', 'fr']);
      for (const [path, reason] of ruleReasons(control)) {
        expect({ path, languages: Object.keys(reason.message).sort() }).toEqual({
          path,
          languages: ['en', 'es', 'fr'],
        });
      }
    }
  });
});

describe('a healthy asset', () => {
  it('passes all six controls with no reasons', () => {
    const results = evaluateAsset(healthyAsset(), compileControls(defaultControls(), AS_OF));
    expect(results.map((r) => [r.control, r.status, r.reasons.length])).toEqual(
      DEFAULT_CONTROL_IDS.map((id) => [id, 'PASS', 0]),
    );
  });
});

table('ownership', [
  ['owner and custodian set', {}, 'PASS', []],
  ['no owner', { data_owner_id: null }, 'FAIL', ['ownership.missing_owner']],
  ['no custodian', { data_custodian_id: null }, 'FAIL', ['ownership.missing_custodian']],
  [
    'neither',
    { data_owner_id: null, data_custodian_id: null },
    'FAIL',
    ['ownership.missing_owner', 'ownership.missing_custodian'],
  ],
  ['owner is blank text', { data_owner_id: '   ' }, 'FAIL', ['ownership.missing_owner']],
  [
    'a focal point does not replace the custodian',
    { data_custodian_id: null },
    'FAIL',
    ['ownership.missing_custodian'],
  ],
]);

table('documentation', [
  [
    'description of exactly 20 characters, purpose, system',
    { description: 'Twenty characters!!!' },
    'PASS',
    [],
  ],
  ['20 accented characters count as 20', { description: 'éééééééééééééééééééé' }, 'PASS', []],
  ['20 characters outside the basic plane count as 20', { description: '📁'.repeat(20) }, 'PASS', []],
  ['19 characters', { description: 'Nineteen characters' }, 'FAIL', ['documentation.short_description']],
  [
    '19 characters padded with spaces',
    { description: '  Nineteen characters  ' },
    'FAIL',
    ['documentation.short_description'],
  ],
  [
    '19 characters outside the basic plane (38 UTF-16 units)',
    { description: '📁'.repeat(19) },
    'FAIL',
    ['documentation.short_description'],
  ],
  ['no description', { description: null }, 'FAIL', ['documentation.missing_description']],
  ['blank description', { description: '    ' }, 'FAIL', ['documentation.missing_description']],
  ['no purpose', { purpose: null }, 'FAIL', ['documentation.missing_purpose']],
  ['no system', { system_id: null }, 'FAIL', ['documentation.missing_system']],
  [
    'nothing documented',
    { description: 'short', purpose: '', system_id: null },
    'FAIL',
    ['documentation.short_description', 'documentation.missing_purpose', 'documentation.missing_system'],
  ],
]);

table('classification', [
  ['label set', {}, 'PASS', []],
  ['Public is a label too', { sensitivity_label: 'Public' }, 'PASS', []],
  ['no label', { sensitivity_label: null }, 'FAIL', ['classification.missing_label']],
  ['empty label', { sensitivity_label: '' }, 'FAIL', ['classification.missing_label']],
]);

table('personal_data_safeguards', [
  ['personal data with legal basis and retention', {}, 'PASS', []],
  [
    'personal data without legal basis',
    { legal_basis: null },
    'FAIL',
    ['personal_data_safeguards.missing_legal_basis'],
  ],
  [
    'personal data without retention',
    { retention: ' ' },
    'FAIL',
    ['personal_data_safeguards.missing_retention'],
  ],
  [
    'personal data with neither',
    { legal_basis: null, retention: null },
    'FAIL',
    ['personal_data_safeguards.missing_legal_basis', 'personal_data_safeguards.missing_retention'],
  ],
  [
    'no personal data',
    { personal_data: false, legal_basis: null, retention: null },
    'NOT_APPLICABLE',
    ['personal_data_safeguards.no_personal_data'],
  ],
  [
    'personal data not recorded',
    { personal_data: null, legal_basis: null },
    'NOT_APPLICABLE',
    ['personal_data_safeguards.no_personal_data'],
  ],
]);

table('review_freshness', [
  ['reviewed on the scoring date', { last_reviewed: AS_OF }, 'PASS', []],
  ['reviewed 365 days before', { last_reviewed: '2025-12-01' }, 'PASS', []],
  ['reviewed 366 days before', { last_reviewed: '2025-11-30' }, 'FAIL', ['review_freshness.overdue']],
  ['never reviewed', { last_reviewed: null }, 'FAIL', ['review_freshness.never_reviewed']],
  [
    'reviewed one day after the scoring date',
    { last_reviewed: '2026-12-02' },
    'FAIL',
    ['review_freshness.future_date'],
  ],
  ['a date that does not exist', { last_reviewed: '2026-02-30' }, 'FAIL', ['review_freshness.invalid_date']],
  [
    'a timestamp instead of a date',
    { last_reviewed: '2026-06-01T10:00:00Z' },
    'FAIL',
    ['review_freshness.invalid_date'],
  ],
]);

table('access_review', [
  ['Confidential, access reviewed', {}, 'PASS', []],
  [
    'Strictly Confidential, reviewed 365 days before',
    { sensitivity_label: 'Strictly Confidential', last_access_review: '2025-12-01' },
    'PASS',
    [],
  ],
  [
    'Confidential, reviewed 366 days before',
    { last_access_review: '2025-11-30' },
    'FAIL',
    ['access_review.overdue'],
  ],
  ['Confidential, never reviewed', { last_access_review: null }, 'FAIL', ['access_review.never_reviewed']],
  [
    'Confidential, review date in the future',
    { last_access_review: '2027-01-01' },
    'FAIL',
    ['access_review.future_date'],
  ],
  [
    'Confidential, review date invalid',
    { last_access_review: '2026-13-01' },
    'FAIL',
    ['access_review.invalid_date'],
  ],
  [
    'label written in lower case',
    { sensitivity_label: 'strictly confidential', last_access_review: null },
    'FAIL',
    ['access_review.never_reviewed'],
  ],
  [
    'Internal',
    { sensitivity_label: 'Internal', last_access_review: null },
    'NOT_APPLICABLE',
    ['access_review.not_confidential'],
  ],
  [
    'Public',
    { sensitivity_label: 'Public', last_access_review: null },
    'NOT_APPLICABLE',
    ['access_review.not_confidential'],
  ],
  [
    'no label',
    { sensitivity_label: null, last_access_review: null },
    'NOT_APPLICABLE',
    ['access_review.not_confidential'],
  ],
]);

describe('reasons in words', () => {
  it('says how old a review is and what the limit is', () => {
    expect(verdict('review_freshness', { last_reviewed: '2025-11-30' }).messages).toEqual([
      'Last reviewed 366 days ago, more than 365',
    ]);
  });

  it('says how long a short description is', () => {
    expect(verdict('documentation', { description: 'Payroll' }).messages).toEqual([
      'The description has 7 characters; at least 20 are needed',
    ]);
  });

  it('names the future date', () => {
    expect(verdict('access_review', { last_access_review: '2027-01-01' }).messages).toEqual([
      'The access review date 2027-01-01 is after the scoring date',
    ]);
  });

  it('gives the French and Spanish text of a reason with its values filled in', () => {
    const [control] = compileControls(defaultControls(), AS_OF).filter((c) => c.id === 'review_freshness');
    const [reason] = control!.evaluate(healthyAsset({ last_reviewed: '2025-11-30' })).reasons;
    const messages = reasonMessages(defaultControls());
    expect(reasonMessage(messages, reason!, 'fr')).toBe('Dernière revue il y a 366 jours, plus de 365');
    expect(reasonMessage(messages, reason!, 'es')).toBe('Última revisión hace 366 días, más de 365');
    expect(reasonMessage(messages, reason!, 'en')).toBe(reason!.message);
  });

  it('moves with the scoring date: the same review passes one day and fails the next', () => {
    const asset = { last_reviewed: '2025-12-01' };
    expect(verdict('review_freshness', asset, '2026-12-01').status).toBe('PASS');
    expect(verdict('review_freshness', asset, '2026-12-02').status).toBe('FAIL');
  });

  it('counts a leap day: 2024-03-01 to 2025-03-01 is 365 days, 2023-03-01 to 2024-03-01 is 366', () => {
    expect(verdict('review_freshness', { last_reviewed: '2024-03-01' }, '2025-03-01').status).toBe('PASS');
    expect(verdict('review_freshness', { last_reviewed: '2023-03-01' }, '2024-03-01').status).toBe('FAIL');
  });

  it('refuses a scoring date that is not a calendar date', () => {
    expect(() => compileControls(defaultControls(), '2026-02-30')).toThrow(/as_of/);
  });
});

import { describe, expect, it } from 'vitest';
import { dayNumber } from './calendar-date.js';
import { compileControl } from './health-controls.js';
import { compileCondition, interpolate, isFieldSet } from './rule-engine.js';
import { conditionSchema } from './condition.schema.js';
import { parseRuleDefinition } from './rule.schema.js';
import type { ScoredAsset } from './scored-asset.js';
import { AS_OF, healthyAsset } from './testing/assets.js';

const asOfDay = dayNumber(AS_OF)!;

/** Compile a condition written as in a rule file, then test it on an asset. */
function check(condition: unknown, overrides: Partial<ScoredAsset>) {
  const compiled = compileCondition(conditionSchema.parse(condition), asOfDay);
  const asset = healthyAsset(overrides);
  const holds = compiled.test(asset);
  return {
    holds,
    why: compiled.explain(asset, true).map((r) => r.code),
    whyNot: compiled.explain(asset, false).map((r) => r.code),
    messages: compiled.explain(asset, !holds ? true : false).map((r) => r.message),
  };
}

describe('field_set', () => {
  it.each([
    ['text', 'x', true],
    ['text with spaces around', '  x ', true],
    ['empty text', '', false],
    ['blank text', ' \t ', false],
    ['null', null, false],
    ['false (a yes/no answered "no" is set)', false, true],
    ['zero', 0, true],
    ['an empty list', [], false],
    ['a list', ['a'], true],
  ])('%s → set: %s', (_label, value, set) => {
    expect(isFieldSet(value)).toBe(set);
    expect(check({ field_set: 'fields.extra' }, { fields: { extra: value } }).holds).toBe(set);
  });

  it('treats a custom field the asset does not have as not set', () => {
    expect(check({ field_set: 'fields.absent' }, {}).holds).toBe(false);
  });

  it('does not read inherited properties of the custom fields object', () => {
    expect(check({ field_set: 'fields.constructor' }, {}).holds).toBe(false);
  });

  it('explains a missing field with a generic reason naming the field', () => {
    const result = check({ field_set: 'purpose' }, { purpose: null });
    expect(result).toMatchObject({
      holds: false,
      why: ['rule.field_missing'],
      messages: ['Purpose is not set'],
    });
  });
});

describe('field_in', () => {
  const inCountries = { field_in: { field: 'office_key', values: ['KE', 'UG'] } };

  it.each([
    ['KE', true],
    ['ke', true],
    [' UG ', true],
    ['SO', false],
  ])('office %j in [KE, UG] → %s', (office, holds) => {
    expect(check(inCountries, { office_key: office }).holds).toBe(holds);
  });

  it('tells a missing value apart from a value outside the list', () => {
    expect(check(inCountries, { office_key: null }).why).toEqual(['rule.field_missing']);
    const other = check(inCountries, { office_key: 'SO' });
    expect(other.why).toEqual(['rule.field_not_in_list']);
    expect(other.messages).toEqual(['Office is not one of: KE, UG']);
  });

  it('matches yes/no fields on true and false', () => {
    const noPersonalData = { field_in: { field: 'personal_data', values: [false] } };
    expect(check(noPersonalData, { personal_data: false }).holds).toBe(true);
    expect(check(noPersonalData, { personal_data: true }).holds).toBe(false);
    expect(check(noPersonalData, { personal_data: null }).holds).toBe(false);
  });

  it('matches numbers, and a list when any of its items is in the values', () => {
    expect(check({ field_in: { field: 'fields.tier', values: [1, 2] } }, { fields: { tier: 2 } }).holds).toBe(
      true,
    );
    expect(
      check({ field_in: { field: 'fields.tier', values: [1, 2] } }, { fields: { tier: '2' } }).holds,
    ).toBe(false);
    const tags = { field_in: { field: 'fields.tags', values: ['gbv'] } };
    expect(check(tags, { fields: { tags: ['health', 'GBV'] } }).holds).toBe(true);
    expect(check(tags, { fields: { tags: ['health'] } }).holds).toBe(false);
  });
});

describe('date_within_days', () => {
  const recent = { date_within_days: { field: 'fields.dpia_date', days: 30 } };

  it.each([
    ['on the scoring date', AS_OF, true, []],
    ['exactly 30 days before', '2026-11-01', true, []],
    ['31 days before', '2026-10-31', false, ['rule.date_too_old']],
    ['one day after', '2026-12-02', false, ['rule.date_in_future']],
    ['not a date', 'last week', false, ['rule.date_invalid']],
    ['missing', null, false, ['rule.field_missing']],
  ])('%s → %s', (_label, date, holds, why) => {
    const result = check(recent, { fields: { dpia_date: date } });
    expect(result.holds).toBe(holds);
    expect(result.why).toEqual(why);
  });

  it('explains with the age and the limit', () => {
    expect(check(recent, { fields: { dpia_date: '2026-10-31' } }).messages).toEqual([
      'dpia_date is 31 days old, more than 30',
    ]);
  });

  it('accepts 0 days: only the scoring date itself', () => {
    const today = { date_within_days: { field: 'last_reviewed', days: 0 } };
    expect(check(today, { last_reviewed: AS_OF }).holds).toBe(true);
    expect(check(today, { last_reviewed: '2026-11-30' }).holds).toBe(false);
  });
});

describe('min_length', () => {
  const atLeast5 = { min_length: { field: 'purpose', length: 5 } };

  it.each([
    ['abcde', true],
    ['abcd', false],
    ['  abcd  ', false],
    ['😀😀😀😀😀', true],
    ['😀😀😀😀', false],
  ])('%j → %s', (purpose, holds) => {
    expect(check(atLeast5, { purpose }).holds).toBe(holds);
  });

  it('counts a custom field that is not text as too short, and a missing one as missing', () => {
    expect(
      check({ min_length: { field: 'fields.code', length: 2 } }, { fields: { code: 12345 } }).why,
    ).toEqual(['rule.text_too_short']);
    expect(check(atLeast5, { purpose: null }).why).toEqual(['rule.field_missing']);
  });
});

describe('all, any and not', () => {
  const purposeSet = { field_set: 'purpose' };
  const systemSet = { field_set: 'system_id' };

  it.each([
    ['both set', {}, true, true],
    ['one set', { system_id: null }, false, true],
    ['none set', { purpose: null, system_id: null }, false, false],
  ])('%s → all: %s, any: %s', (_label, overrides, all, any) => {
    expect(check({ all: [purposeSet, systemSet] }, overrides).holds).toBe(all);
    expect(check({ any: [purposeSet, systemSet] }, overrides).holds).toBe(any);
  });

  it('all lists every part that fails', () => {
    expect(check({ all: [purposeSet, systemSet] }, { purpose: null, system_id: null }).why).toEqual([
      'rule.field_missing',
      'rule.field_missing',
    ]);
  });

  it('any lists the reason of every alternative when none holds', () => {
    const either = { any: [purposeSet, { field_in: { field: 'office_key', values: ['UG'] } }] };
    expect(check(either, { purpose: null }).why).toEqual(['rule.field_missing', 'rule.field_not_in_list']);
  });

  it('not inverts, and says what must not hold', () => {
    const notPublic = { not: { field_in: { field: 'sensitivity_label', values: ['Public'] } } };
    expect(check(notPublic, { sensitivity_label: 'Confidential' }).holds).toBe(true);
    const result = check(notPublic, { sensitivity_label: 'public' });
    expect(result.holds).toBe(false);
    expect(result.why).toEqual(['rule.field_in_list']);
    expect(result.messages).toEqual(['Sensitivity label must not be one of: Public']);
  });

  it.each([
    [{ not: { field_set: 'purpose' } }, 'rule.field_present'],
    [{ not: { date_within_days: { field: 'last_reviewed', days: 30 } } }, 'rule.date_within'],
    [{ not: { min_length: { field: 'purpose', length: 3 } } }, 'rule.text_long_enough'],
  ])('not of a test that holds gives its own "must not" reason (%j)', (condition, code) => {
    expect(check(condition, { last_reviewed: AS_OF }).why).toEqual([code]);
  });

  it('not(all) fails only when every part holds, and then explains each', () => {
    const notBoth = { not: { all: [purposeSet, systemSet] } };
    expect(check(notBoth, { purpose: null }).holds).toBe(true);
    expect(check(notBoth, {}).why).toEqual(['rule.field_present', 'rule.field_present']);
  });

  it('not(any) fails when any part holds, and explains only the parts that hold', () => {
    const neither = { not: { any: [purposeSet, systemSet] } };
    expect(check(neither, { purpose: null, system_id: null }).holds).toBe(true);
    expect(check(neither, { purpose: null }).why).toEqual(['rule.field_present']);
  });

  it('a double negation is the condition itself, with the inner reasons', () => {
    const result = check({ not: { not: purposeSet } }, { purpose: null });
    expect(result.holds).toBe(false);
    expect(result.why).toEqual(['rule.field_missing']);
  });

  it('explains nothing when the condition is as wanted', () => {
    const result = check({ all: [purposeSet, systemSet] }, {});
    expect(result.why).toEqual([]);
    expect(result.whyNot).toEqual(['rule.field_present', 'rule.field_present']);
  });

  it('nests several levels deep', () => {
    // (label is Confidential AND reviewed within 90 days) OR NOT personal data
    const condition = {
      any: [
        {
          all: [
            { field_in: { field: 'sensitivity_label', values: ['Confidential'] } },
            { date_within_days: { field: 'last_reviewed', days: 90 } },
          ],
        },
        { not: { field_in: { field: 'personal_data', values: [true] } } },
      ],
    };
    expect(check(condition, { last_reviewed: '2026-10-01' }).holds).toBe(true);
    expect(check(condition, { last_reviewed: '2026-06-01', personal_data: false }).holds).toBe(true);
    const fails = check(condition, { last_reviewed: '2026-06-01' });
    expect(fails.holds).toBe(false);
    expect(fails.why).toEqual(['rule.date_too_old', 'rule.field_in_list']);
  });
});

describe('reasons written in the rule', () => {
  const reason = (code: string) => ({ code, message: { en: `because ${code}` } });

  it('a condition reason replaces the reasons of its parts', () => {
    const rule = parseRuleDefinition({
      id: 'contacts',
      name: { en: 'Contacts' },
      passes_when: {
        any: [{ field_set: 'focal_point_id' }, { field_set: 'data_custodian_id' }],
        reason: reason('contacts.nobody'),
      },
    });
    const result = compileControl(rule, AS_OF).evaluate(
      healthyAsset({ focal_point_id: null, data_custodian_id: null }),
    );
    expect(result.reasons).toEqual([
      { code: 'contacts.nobody', message: 'because contacts.nobody', params: {} },
    ]);
  });

  it('a reason per outcome picks the one that happened, and falls back to the generic one', () => {
    const rule = parseRuleDefinition({
      id: 'dpia',
      name: { en: 'DPIA' },
      passes_when: {
        date_within_days: { field: 'fields.dpia_date', days: 730 },
        reasons: { missing: reason('dpia.none'), too_old: reason('dpia.old') },
      },
    });
    const control = compileControl(rule, AS_OF);
    const codes = (dpia_date: unknown) =>
      control.evaluate(healthyAsset({ fields: { dpia_date } })).reasons.map((r) => r.code);
    expect(codes(null)).toEqual(['dpia.none']);
    expect(codes('2020-01-01')).toEqual(['dpia.old']);
    expect(codes('2030-01-01')).toEqual(['rule.date_in_future']);
  });

  it('a reason under not is not used when the negation fails; the not reason is', () => {
    const rule = parseRuleDefinition({
      id: 'no_public_pii',
      name: { en: 'No public personal data' },
      applies_when: { field_in: { field: 'personal_data', values: [true] } },
      passes_when: {
        not: {
          field_in: { field: 'sensitivity_label', values: ['Public'] },
          reason: reason('no_public_pii.inner'),
        },
        reason: reason('no_public_pii.public'),
      },
    });
    const control = compileControl(rule, AS_OF);
    expect(
      control.evaluate(healthyAsset({ sensitivity_label: 'Public' })).reasons.map((r) => r.code),
    ).toEqual(['no_public_pii.public']);
    const notApplicable = control.evaluate(healthyAsset({ personal_data: false }));
    expect(notApplicable.status).toBe('NOT_APPLICABLE');
    expect(notApplicable.reasons.map((r) => r.code)).toEqual(['rule.field_not_in_list']);
  });

  it('fills {placeholders} from the values and leaves unknown ones visible', () => {
    expect(interpolate('{field} is {age_days} days old ({nope})', { field: 'Review', age_days: 400 })).toBe(
      'Review is 400 days old ({nope})',
    );
  });

  it('a control without applies_when applies to every asset', () => {
    const rule = parseRuleDefinition({
      id: 'has_tags',
      name: { en: 'Tags' },
      passes_when: { field_set: 'fields.tags' },
    });
    const control = compileControl(rule, AS_OF);
    expect(control.status(healthyAsset())).toBe('FAIL');
    expect(control.status(healthyAsset({ fields: { tags: ['x'] } }))).toBe('PASS');
  });
});

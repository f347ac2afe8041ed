import { describe, expect, it } from 'vitest';
import type { AppAttributes } from './catalogue.schema.js';
import { deriveRisk } from './risk-rule.js';

const SAFEST: AppAttributes = {
  trains_on_inputs_by_default: 'no',
  enterprise_no_training_tier: 'yes',
  data_location: 'eu',
  account_required: 'yes',
  retention: 'none',
};

describe('the default risk rule', () => {
  it.each<[string, Partial<AppAttributes>, number]>([
    ['nothing of concern', {}, 0],
    ['training on inputs by default', { trains_on_inputs_by_default: 'yes' }, 3],
    ['unknown training', { trains_on_inputs_by_default: 'unknown' }, 2],
    ['no enterprise tier without training', { enterprise_no_training_tier: 'no' }, 1],
    ['unknown enterprise tier', { enterprise_no_training_tier: 'unknown' }, 1],
    ['data in China', { data_location: 'cn' }, 3],
    ['data in Russia', { data_location: 'ru' }, 3],
    ['unknown data location', { data_location: 'unknown' }, 2],
    ['data in the US', { data_location: 'us' }, 1],
    ['multi-region cloud', { data_location: 'global' }, 1],
    ['another named country', { data_location: 'other' }, 1],
    ['data in the UK', { data_location: 'uk' }, 0],
    ['data in Switzerland', { data_location: 'ch' }, 0],
    ['usable without an account', { account_required: 'optional' }, 1],
    ['no account at all', { account_required: 'no' }, 1],
    ['kept until deleted', { retention: 'until_deleted' }, 1],
    ['unknown retention', { retention: 'unknown' }, 1],
    ['a fixed retention period', { retention: 'fixed_period' }, 0],
  ])('scores %s', (_label, change, score) => {
    expect(deriveRisk({ ...SAFEST, ...change }).score).toBe(score);
  });

  it.each<[Partial<AppAttributes>, 'low' | 'medium' | 'high']>([
    [{}, 'low'],
    [{ data_location: 'us', account_required: 'optional' }, 'low'],
    [{ trains_on_inputs_by_default: 'yes' }, 'medium'],
    [
      { trains_on_inputs_by_default: 'unknown', enterprise_no_training_tier: 'no', data_location: 'us' },
      'medium',
    ],
    [{ trains_on_inputs_by_default: 'yes', data_location: 'us', retention: 'until_deleted' }, 'high'],
    [{ data_location: 'cn', trains_on_inputs_by_default: 'unknown' }, 'high'],
  ])('rates %o as %s (5 or more high, 3–4 medium)', (change, risk) => {
    expect(deriveRisk({ ...SAFEST, ...change }).risk).toBe(risk);
  });

  it('says in words which attributes added points', () => {
    expect(
      deriveRisk({ ...SAFEST, trains_on_inputs_by_default: 'yes', data_location: 'cn' }).reasons,
    ).toEqual(['trains on user inputs by default', 'data processed in CN']);
    expect(deriveRisk(SAFEST).reasons).toEqual([]);
  });
});

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { DEFAULT_SCORECARD_CONFIG, scorecardConfigSchema, scorecardQuerySchema } from './scorecard.schema.js';

const issues = (input: unknown) =>
  scorecardConfigSchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('scorecard settings', () => {
  it('default to the issue: every control weight 1, bands 80/60/40, due in 30/60/90 days by severity', () => {
    expect(DEFAULT_SCORECARD_CONFIG).toEqual({
      bands: { healthy: 80, fair: 60, not_healthy: 40 },
      controls: {},
      due_days: { high: 30, medium: 60, low: 90 },
    });
  });

  it('fill what is left out', () => {
    expect(
      scorecardConfigSchema.parse({ bands: { healthy: 85 }, controls: { ownership: { weight: 2.5 } } }),
    ).toEqual({
      bands: { healthy: 85, fair: 60, not_healthy: 40 },
      controls: { ownership: { enabled: true, weight: 2.5 } },
      due_days: { high: 30, medium: 60, low: 90 },
    });
  });

  it.each<[string, unknown, string, RegExp]>([
    ['thresholds out of order', { bands: { fair: 85 } }, 'bands.fair', /below healthy/],
    ['not healthy above fair', { bands: { not_healthy: 60 } }, 'bands.not_healthy', /below fair/],
    ['a threshold above 100', { bands: { healthy: 101 } }, 'bands.healthy', /.+/],
    ['a threshold with two decimals', { bands: { healthy: 80.25 } }, 'bands.healthy', /one decimal/],
    [
      'weight 0 (use enabled: false)',
      { controls: { ownership: { weight: 0 } } },
      'controls.ownership.weight',
      /.+/,
    ],
    ['a negative weight', { controls: { ownership: { weight: -1 } } }, 'controls.ownership.weight', /.+/],
    [
      'a weight with three decimals',
      { controls: { ownership: { weight: 1.125 } } },
      'controls.ownership.weight',
      /two decimals/,
    ],
    ['a control id that cannot exist', { controls: { 'Own ership': {} } }, 'controls.Own ership', /.+/],
    [
      'an unknown control setting',
      { controls: { ownership: { colour: 'red' } } },
      'controls.ownership',
      /colour/,
    ],
    ['zero due days', { due_days: { high: 0 } }, 'due_days.high', /.+/],
    ['an unknown setting', { weights: {} }, '', /weights/],
  ])('refuse %s', (_label, input, path, message) => {
    expect(issues(input)).toContainEqual([path, expect.stringMatching(message)]);
  });
});

describe('scorecard query', () => {
  it('defaults to by office and checks the date', () => {
    expect(scorecardQuerySchema.parse({})).toEqual({ by: 'office' });
    expect(scorecardQuerySchema.safeParse({ by: 'country' }).success).toBe(false);
    expect(scorecardQuerySchema.safeParse({ as_of: '2026-02-30' }).success).toBe(false);
    expect(scorecardQuerySchema.parse({ by: 'region', as_of: '2026-12-01' })).toEqual({
      by: 'region',
      as_of: '2026-12-01',
    });
  });
});

describe('the user guide', () => {
  it('shows settings that are valid', () => {
    const guide = fs.readFileSync('docs/scorecard.md', 'utf8');
    const section = guide.slice(guide.indexOf('## Settings'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    expect(scorecardConfigSchema.parse(YAML.parse(example)).controls.access_review?.weight).toBe(2);
  });
});

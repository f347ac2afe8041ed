import { describe, expect, it } from 'vitest';
import { drillFromParams, drillInto, drillParams, drillTrail, scorecardQuery, type Drill } from './drill';

const ORG: Drill = { level: 'organisation' };
const EA: Drill = { level: 'region', region: 'EA' };
const KE: Drill = { level: 'office', region: 'EA', office: 'KE' };

describe('drillFromParams', () => {
  it.each<[string, Drill]>([
    ['', ORG],
    ['as_of=2026-12-01', ORG],
    ['region=EA', EA],
    ['region=EA&office=KE', KE],
    ['office=KE', { level: 'office', region: null, office: 'KE' }],
    ['region=%20&office=', ORG],
  ])('reads ?%s', (search, drill) => {
    expect(drillFromParams(new URLSearchParams(search))).toEqual(drill);
  });
});

describe('drillParams', () => {
  it.each<[Drill, string, string]>([
    [ORG, 'region=EA&office=KE&as_of=2026-12-01', 'as_of=2026-12-01'],
    [EA, 'as_of=2026-12-01', 'as_of=2026-12-01&region=EA'],
    [KE, 'region=WA', 'region=EA&office=KE'],
    [{ level: 'office', region: null, office: 'KE' }, 'region=EA', 'office=KE'],
  ])('writes %j over ?%s as ?%s, keeping the other parameters', (drill, current, expected) => {
    expect(drillParams(drill, new URLSearchParams(current)).toString()).toBe(expected);
  });

  it('round-trips every level through the address', () => {
    for (const drill of [ORG, EA, KE]) {
      expect(drillFromParams(drillParams(drill, new URLSearchParams()))).toEqual(drill);
    }
  });
});

describe('scorecardQuery', () => {
  it.each([
    [ORG, { by: 'region' }],
    [EA, { by: 'office', region: 'EA' }],
    [KE, { by: 'office', office: 'KE' }],
  ])('asks at %j for the groups one level down', (drill, query) => {
    expect(scorecardQuery(drill as Drill)).toEqual(query);
  });
});

describe('drillInto', () => {
  it.each<[Drill, string | null, Drill | null]>([
    [ORG, 'EA', EA],
    [EA, 'KE', KE],
    [KE, 'KE', null],
    [ORG, null, null],
    [EA, null, null],
  ])('from %j, group %j leads to %j', (drill, key, next) => {
    expect(drillInto(drill, key)).toEqual(next);
  });
});

describe('drillTrail', () => {
  const names = { organisation: 'Scorecard', region: 'East Africa' };
  it.each<[Drill, string[]]>([
    [ORG, []],
    [EA, ['Scorecard']],
    [KE, ['Scorecard', 'East Africa']],
    [{ level: 'office', region: null, office: 'KE' }, ['Scorecard']],
  ])('above %j lists %j', (drill, labels) => {
    expect(drillTrail(drill, names).map((crumb) => crumb.label)).toEqual(labels);
  });

  it('names a region by its code until its name is known', () => {
    expect(drillTrail(KE, { organisation: 'Scorecard' })[1]).toEqual({ label: 'EA', drill: EA });
  });
});

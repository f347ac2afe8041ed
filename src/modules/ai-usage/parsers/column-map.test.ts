import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../core/errors.js';
import { parseColumnMap, resolveColumns } from './column-map.js';

function refusal(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (isAppError(error)) return error.message;
    throw error;
  }
  throw new Error('accepted');
}

describe('the --map column map', () => {
  it('reads field=column pairs', () => {
    expect(
      parseColumnMap('time=ts,user=uid,host=dest,bytes_up=sent,bytes_down=recv,department=dept'),
    ).toEqual({
      time: 'ts',
      user: 'uid',
      host: 'dest',
      bytes_up: 'sent',
      bytes_down: 'recv',
      department: 'dept',
    });
    expect(parseColumnMap(' office = Site Name , client=src ')).toEqual({
      office: 'Site Name',
      client: 'src',
    });
    expect(parseColumnMap(undefined)).toEqual({});
    expect(parseColumnMap('  ')).toEqual({});
  });

  it.each<[string, RegExp]>([
    ['colour=red', /--map: use the fields time, user/],
    ['time', /"time" is not field=column/],
    ['=ts', /"=ts" is not field=column/],
    ['time=ts,time=t2', /time is given twice/],
    ['time=', /--map: use the fields/],
  ])('refuses %j', (spec, message) => {
    expect(refusal(() => parseColumnMap(spec))).toMatch(message);
  });

  it('resolves mapped names exactly or ignoring case and punctuation, others by common names', () => {
    const resolved = resolveColumns(['When', 'Client-IP', 'Destination Host', 'Who'], {
      time: 'when',
      user: 'WHO',
    });
    expect(resolved).toMatchObject({ time: 0, client: 1, host: 2, user: 3, url: -1, department: -1 });
  });

  it('names the mapped columns the file does not have, and the ones it has', () => {
    expect(refusal(() => resolveColumns(['a', 'b'], { host: 'dest' }))).toBe(
      '--map names columns the file does not have: host=dest (it has: a, b)',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../core/errors.js';
import { dayOf, NOV_30, parseLine } from '../testing/fixtures.js';
import { parseColumnMap } from './column-map.js';
import { jsonPaths, JsonLinesParser } from './jsonl.js';

const REFERENCE = new Date('2026-11-30T12:00:00Z');

function jsonl(first: object, map = '') {
  const parser = new JsonLinesParser(jsonPaths(JSON.stringify(first), parseColumnMap(map)), REFERENCE);
  return (record: object | string) =>
    parseLine(parser, typeof record === 'string' ? record : JSON.stringify(record));
}

const ZSCALER_EVENT = {
  sourcetype: 'zscalernss-web',
  event: {
    datetime: '2026-11-30 10:00:00',
    action: 'Allowed',
    requestsize: '4217634',
    responsesize: '2210',
    user: 'oren.katz@example.org',
    url: 'chatgpt.com/backend-api/files',
    hostname: 'chatgpt.com',
    ClientIP: '10.20.31.77',
    department: 'IT',
    location: 'TLV-HQ',
  },
};

describe('reading JSON Lines logs', () => {
  it('finds fields by common key names', () => {
    const record = {
      ts: NOV_30,
      user: 'jdoe',
      host: 'deepl.com',
      bytes_out: 12,
      bytes_in: 34,
      action: 'blocked',
      department: 'HR',
      office: 'Geneva',
    };
    expect(jsonl(record)(record)).toEqual({
      outcome: 'event',
      day: dayOf(NOV_30),
      host: 'deepl.com',
      user: 'jdoe',
      department: 'HR',
      office: 'Geneva',
      bytesUp: 12,
      bytesDown: 34,
      blocked: true,
    });
  });

  it('reads Zscaler’s JSON feed, whose fields sit under "event", without a map', () => {
    expect(jsonl(ZSCALER_EVENT)(ZSCALER_EVENT)).toMatchObject({
      host: 'chatgpt.com',
      user: 'oren.katz@example.org',
      department: 'IT',
      office: 'TLV-HQ',
      bytesUp: 4217634,
      bytesDown: 2210,
      blocked: false,
    });
  });

  it('follows --map with dotted paths', () => {
    const record = { when: '2026-11-30T10:00:00Z', who: { id: 'u1' }, dest: { fqdn: 'claude.ai' }, up: 5 };
    expect(jsonl(record, 'time=when,user=who.id,host=dest.fqdn,bytes_up=up')(record)).toMatchObject({
      host: 'claude.ai',
      user: 'u1',
      bytesUp: 5,
    });
  });

  it('takes the host from the URL when no host key exists, and milliseconds as time', () => {
    const record = { timestamp: NOV_30 * 1000, url: 'https://api.openai.com/v1/chat?x=1' };
    expect(jsonl(record)(record)).toMatchObject({ host: 'api.openai.com', day: dayOf(NOV_30) });
  });

  it.each<[object | string, string]>([
    ['not json', 'the line is not a JSON object'],
    ['{"ts": 1796032800, "host": ', 'the line is not valid JSON'],
    [{ ts: 'soon', host: 'deepl.com' }, 'the time is missing or not a timestamp'],
    [{ host: 'deepl.com' }, 'the time is missing or not a timestamp'],
    [{ ts: NOV_30, host: 'deepl.com', bytes_out: -3 }, 'a byte count is not a number'],
    [{ ts: NOV_30, host: 'deepl.com', bytes_out: 'many' }, 'a byte count is not a number'],
  ])('refuses %j: %s', (record, reason) => {
    expect(jsonl({ ts: NOV_30, host: 'x.example', bytes_out: 1 })(record)).toEqual({
      outcome: 'malformed',
      reason,
    });
  });

  it('explains when the first record has no time or host', () => {
    try {
      jsonPaths(JSON.stringify({ a: 1 }), {});
      throw new Error('accepted');
    } catch (error) {
      expect(isAppError(error) && error.message).toMatch(/no time and no host/);
    }
  });
});

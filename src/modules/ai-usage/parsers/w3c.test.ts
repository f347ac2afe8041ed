import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../core/errors.js';
import { dayOf, NOV_30, parseLine } from '../testing/fixtures.js';
import { W3cParser } from './w3c.js';

const BLUE_COAT_FIELDS =
  '#Fields: date time time-taken c-ip cs-username cs-auth-group x-exception-id sc-filter-result cs-categories cs(Referer) sc-status s-action cs-method rs(Content-Type) cs-uri-scheme cs-host cs-uri-port cs-uri-path cs-uri-query cs-uri-extension cs(User-Agent) s-ip sc-bytes cs-bytes x-virus-id';
const BLUE_COAT_LINE =
  '2026-11-30 10:00:01 120 10.1.2.3 jdoe - - OBSERVED "Technology/Internet;Artificial Intelligence" - 200 TCP_NC_MISS POST application/json https chatgpt.com 443 /backend-api/conversation - - "Mozilla/5.0 (Windows NT 10.0)" 192.0.2.1 2048 51200 -';
const IIS_FIELDS =
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) cs-host sc-status sc-substatus sc-win32-status sc-bytes cs-bytes time-taken';
const IIS_LINE =
  '2026-11-30 10:00:01 192.0.2.10 GET /v1/models - 443 CORP\\jdoe 10.1.2.3 Mozilla/5.0+(Windows+NT+10.0) - api.openai.com 200 0 0 5120 640 31';

function reader(fields: string, map = {}) {
  const parser = new W3cParser(map, new Date('2026-11-30T12:00:00Z'));
  expect(parseLine(parser, '#Software: test').outcome).toBe('skip');
  expect(parseLine(parser, fields).outcome).toBe('skip');
  return (line: string) => parseLine(parser, line);
}

describe('reading W3C extended logs', () => {
  it('reads a Blue Coat ProxySG line: quoted values, cs-host, both byte counts', () => {
    expect(reader(BLUE_COAT_FIELDS)(BLUE_COAT_LINE)).toEqual({
      outcome: 'event',
      day: dayOf(NOV_30),
      host: 'chatgpt.com',
      user: 'jdoe',
      department: undefined,
      office: undefined,
      bytesUp: 51200,
      bytesDown: 2048,
      blocked: false,
    });
  });

  it('marks a request denied by sc-filter-result or s-action as blocked', () => {
    const read = reader(BLUE_COAT_FIELDS);
    expect(read(BLUE_COAT_LINE.replace('OBSERVED', 'DENIED')).blocked).toBe(true);
    expect(read(BLUE_COAT_LINE.replace('TCP_NC_MISS', 'TCP_DENIED')).blocked).toBe(true);
  });

  it('reads an IIS line', () => {
    expect(reader(IIS_FIELDS)(IIS_LINE)).toMatchObject({
      host: 'api.openai.com',
      user: 'CORP\\jdoe',
      bytesUp: 640,
      bytesDown: 5120,
    });
  });

  it('uses c-ip when cs-username is "-"', () => {
    expect(reader(IIS_FIELDS)(IIS_LINE.replace('CORP\\jdoe', '-')).user).toBe('10.1.2.3');
  });

  it('takes the host from cs-uri when there is no cs-host', () => {
    const read = reader('#Fields: date time c-ip cs-username cs-method cs-uri sc-status sc-bytes cs-bytes');
    expect(read('2026-11-30 10:00:01 10.1.2.3 jdoe GET https://claude.ai/api/chat?x=1 200 10 20').host).toBe(
      'claude.ai',
    );
  });

  it('applies a new #Fields directive from where it appears', () => {
    const read = reader(IIS_FIELDS);
    expect(read(IIS_LINE).host).toBe('api.openai.com');
    expect(read('#Fields: date time cs-host cs-username').outcome).toBe('skip');
    expect(read('2026-11-30 10:00:02 deepl.com ana')).toMatchObject({
      host: 'deepl.com',
      user: 'ana',
      bytesUp: 0,
    });
  });

  it('reads department and office from columns named with --map', () => {
    const read = reader('#Fields: date time cs-host cs-username x-dept x-site', {
      department: 'x-dept',
      office: 'x-site',
    });
    expect(read('2026-11-30 10:00:02 deepl.com ana "Supply Chain" Nairobi')).toMatchObject({
      department: 'Supply Chain',
      office: 'Nairobi',
    });
    expect(read('2026-11-30 10:00:02 deepl.com ana - -')).toMatchObject({
      department: undefined,
      office: undefined,
    });
  });

  it('undoes doubled quotes inside a quoted value', () => {
    const read = reader('#Fields: date time cs-host cs-username', {});
    expect(read('2026-11-30 10:00:02 deepl.com "ana ""the admin"""').user).toBe('ana "the admin"');
  });

  it('refuses --map names that the #Fields directive does not have', () => {
    const parser = new W3cParser({ department: 'x-nope' });
    try {
      parseLine(parser, IIS_FIELDS);
      throw new Error('accepted');
    } catch (error) {
      expect(isAppError(error) && error.message).toMatch(/x-nope/);
    }
  });

  it.each<[string, string]>([
    ['2026-11-30 10:00:01 192.0.2.10 GET', 'fewer values than the #Fields: directive names'],
    [IIS_LINE.replace('2026-11-30', '30/11/2026'), 'the date is not YYYY-MM-DD'],
    [IIS_LINE.replace(' 5120 ', ' lots '), 'sc-bytes is not a number'],
    [IIS_LINE.replace(' 640 ', ' -5 '), 'cs-bytes is not a number'],
    ['2026-11-30 10:00:01 "unclosed value', 'a quoted value is not closed'],
  ])('refuses %j: %s', (line, reason) => {
    expect(reader(IIS_FIELDS)(line)).toEqual({ outcome: 'malformed', reason });
  });

  it('refuses data lines before any #Fields directive', () => {
    expect(parseLine(new W3cParser(), IIS_LINE)).toEqual({
      outcome: 'malformed',
      reason: 'a data line before the #Fields: directive',
    });
  });

  it('says so when the #Fields directive names no date or no host', () => {
    expect(reader('#Fields: time cs-host')('10:00:00 chatgpt.com')).toEqual({
      outcome: 'malformed',
      reason: 'the #Fields: directive names no date column',
    });
    expect(reader('#Fields: date time c-ip')('2026-11-30 10:00:00 10.1.2.3')).toEqual({
      outcome: 'malformed',
      reason: 'the #Fields: directive names no cs-host or cs-uri column',
    });
  });
});

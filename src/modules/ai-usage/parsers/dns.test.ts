import { describe, expect, it } from 'vitest';
import { dayOf, NOV_30, parseLine } from '../testing/fixtures.js';
import { DnsQueryParser } from './dns.js';

const parse = (line: string) => parseLine(new DnsQueryParser(new Date('2026-11-30T12:00:00Z')), line);

describe('reading DNS query logs', () => {
  it.each<[string, string, string]>([
    [
      '30-Nov-2026 10:15:02.123 queries: info: client @0x7f2d8c0b1a30 10.1.2.3#53211 (chatgpt.com): query: chatgpt.com IN A +E(0)K (10.0.0.53)',
      'chatgpt.com',
      '10.1.2.3',
    ],
    [
      '30-Nov-2026 10:15:02.123 client 10.1.2.3#53211 (api.openai.com): query: api.openai.com IN AAAA + (10.0.0.53)',
      'api.openai.com',
      '10.1.2.3',
    ],
    [
      '30-Nov-2026 10:15:02.123 client @0x7f 2001:db8::5#53211 (claude.ai): view internal: query: claude.ai IN A + (10.0.0.53)',
      'claude.ai',
      '2001:db8::5',
    ],
    [
      'Nov 30 10:15:02 ns1 named[812]: client @0x7f2d 10.1.2.3#53211 (deepl.com): query: deepl.com IN A + (10.0.0.53)',
      'deepl.com',
      '10.1.2.3',
    ],
    ['Nov 30 10:15:02 dnsmasq[1234]: query[A] chatgpt.com from 10.1.2.3', 'chatgpt.com', '10.1.2.3'],
    [
      'Nov 30 10:15:02 dnsmasq[1234]: 17 10.1.2.3/53211 query[AAAA] sora.chatgpt.com from 10.1.2.3',
      'sora.chatgpt.com',
      '10.1.2.3',
    ],
    [
      'Nov  3 10:15:02 gw dnsmasq[1234]: query[HTTPS] ChatGPT.com from 192.168.1.20',
      'ChatGPT.com',
      '192.168.1.20',
    ],
    [
      '2026-11-30T10:15:02.000+00:00 gw dnsmasq[1234]: query[A] deepl.com from 10.1.2.3',
      'deepl.com',
      '10.1.2.3',
    ],
  ])('reads the queried name and client of %s', (line, host, user) => {
    expect(parse(line)).toMatchObject({
      outcome: 'event',
      host,
      user,
      bytesUp: 0,
      bytesDown: 0,
      blocked: false,
    });
  });

  it('takes the year of syslog lines from the reference date', () => {
    expect(parse('Nov 30 10:15:02 dnsmasq[1]: query[A] deepl.com from 10.1.2.3').day).toBe(dayOf(NOV_30));
    expect(parse('Dec 31 10:15:02 dnsmasq[1]: query[A] deepl.com from 10.1.2.3').day).toBe(
      dayOf(Date.parse('2025-12-31T00:00:00Z') / 1000),
    );
  });

  it.each([
    'Nov 30 10:15:02 dnsmasq[1234]: reply chatgpt.com is 104.18.32.47',
    'Nov 30 10:15:02 dnsmasq[1234]: forwarded chatgpt.com to 1.1.1.1',
    'Nov 30 10:15:02 dnsmasq[1234]: cached chatgpt.com is 104.18.32.47',
    'Nov 30 10:15:02 dnsmasq[1234]: started, version 2.90 cachesize 150',
    '30-Nov-2026 10:15:02.123 general: info: zone example.org/IN: loaded serial 42',
  ])('skips lines that are not queries: %s', (line) => {
    expect(parse(line).outcome).toBe('skip');
  });

  it.each<[string, string]>([
    ['query: chatgpt.com IN A', 'the line does not start with a BIND or syslog timestamp'],
    ['Foo 30 10:15:02 dnsmasq[1]: query[A] x.example from 1.2.3.4', 'the timestamp is not a valid date'],
    [
      '31-Feb-2026 25:15:02.123 client 1.2.3.4#1 (a.example): query: a.example IN A',
      'the timestamp is not a valid date',
    ],
    ['Nov 30 10:15:02 dnsmasq[1234]: query[A] chatgpt.com', 'a dnsmasq query without "NAME from ADDRESS"'],
    [
      '30-Nov-2026 10:15:02.123 queries: info: query: chatgpt.com IN A',
      'a BIND query without "client ADDRESS#PORT"',
    ],
  ])('refuses %j: %s', (line, reason) => {
    expect(parse(line)).toEqual({ outcome: 'malformed', reason });
  });
});

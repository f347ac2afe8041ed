import { describe, expect, it } from 'vitest';
import { dayOf, NOV_30, parseLine, squidLine } from '../testing/fixtures.js';
import { SquidParser } from './squid.js';

const parse = (line: string) => parseLine(new SquidParser(), line);

describe('reading Squid native access log lines', () => {
  it('reads time, host, user, size and action from a CONNECT line', () => {
    expect(
      parse(
        '1796032800.123    245 10.1.2.3 TCP_TUNNEL/200 5120 CONNECT chatgpt.com:443 jdoe HIER_DIRECT/104.18.32.47 -',
      ),
    ).toEqual({
      outcome: 'event',
      day: dayOf(NOV_30),
      host: 'chatgpt.com',
      user: 'jdoe',
      department: undefined,
      office: undefined,
      bytesUp: 0,
      bytesDown: 5120,
      blocked: false,
    });
  });

  it.each<[string, string | undefined]>([
    ['https://chatgpt.com/c/123?q=secret', 'chatgpt.com'],
    ['http://Chat.OpenAI.com/backend-api/conversation', 'Chat.OpenAI.com'],
    ['http://user:pw@api.openai.com:8080/v1/files', 'api.openai.com'],
    ['http://chatgpt.com?x=1', 'chatgpt.com'],
    ['http://chatgpt.com#top', 'chatgpt.com'],
    ['ftp://files.example.org/pub', 'files.example.org'],
    ['chatgpt.com:443', 'chatgpt.com'],
    ['chatgpt.com.:443', 'chatgpt.com.'],
    ['[2001:db8::1]:443', '[2001:db8::1]'],
    ['https://[2001:db8::1]:443/x', '[2001:db8::1]'],
    ['104.18.32.47:443', '104.18.32.47'],
    ['error:invalid-request', undefined],
    ['error:transaction-end-before-headers', undefined],
    ['-', undefined],
  ])('takes the host of %s and nothing of its path or query', (url, host) => {
    const parsed = parse(squidLine({ url, method: url.includes('://') ? 'GET' : 'CONNECT' }));
    expect(parsed.outcome).toBe('event');
    expect(parsed.host).toBe(host);
  });

  it('uses the client address when the user is "-"', () => {
    expect(parse(squidLine({ user: '-', client: '10.9.8.7' })).user).toBe('10.9.8.7');
  });

  it('marks denied requests as blocked', () => {
    expect(parse(squidLine({ code: 'TCP_DENIED/403' })).blocked).toBe(true);
    expect(parse(squidLine({ code: 'TCP_DENIED_REPLY/403' })).blocked).toBe(true);
    expect(parse(squidLine({ code: 'TCP_MISS/200' })).blocked).toBe(false);
  });

  it('reads an eleventh numeric field as the request size (upload)', () => {
    expect(parse(squidLine({ requestSize: 48_213 })).bytesUp).toBe(48_213);
    expect(parse(`${squidLine()} text-not-a-number`).bytesUp).toBe(0);
  });

  it('accepts one or many spaces between fields, and leading spaces', () => {
    expect(parse(`  ${squidLine().replaceAll(' ', '   ')}`).host).toBe('chatgpt.com');
  });

  it('takes the UTC day from the timestamp', () => {
    expect(parse(squidLine({ time: NOV_30 + 13 * 3600 + 59 * 60 })).day).toBe(dayOf(NOV_30));
    expect(parse(squidLine({ time: NOV_30 + 14 * 3600 })).day).toBe(dayOf(NOV_30) + 1);
  });

  it.each<[string, string]>([
    ['', 'the first field is not a Unix timestamp'],
    ['hello world', 'the first field is not a Unix timestamp'],
    ['1796032800.123', 'the first field is not a Unix timestamp'],
    [
      '1796032800x 245 10.1.2.3 TCP/200 1 GET http://a.example/ u - -',
      'the first field is not a Unix timestamp',
    ],
    [squidLine({ time: 12 }), 'the timestamp is out of range'],
    [squidLine({ time: 9_999_999_999 }), 'the timestamp is out of range'],
    [squidLine({ bytes: '12kB' }), 'the size field (5th) is not a number'],
    ['1796032800.123 245 10.1.2.3 TCP_MISS/200 100 GET http://chatgpt.com/ jdoe', 'fewer than 10 fields'],
    ['1796032800.123 245 10.1.2.3 TCP_MISS/200', 'fewer than 10 fields'],
  ])('refuses %j: %s', (line, reason) => {
    expect(parse(line)).toEqual({ outcome: 'malformed', reason });
  });

  it('reads lines whose parser state was left by a malformed one', () => {
    const parser = new SquidParser();
    expect(parseLine(parser, 'garbage').outcome).toBe('malformed');
    expect(parseLine(parser, squidLine({ url: 'api.openai.com:443' })).host).toBe('api.openai.com');
  });
});

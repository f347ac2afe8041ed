import { describe, expect, it } from 'vitest';
import { ByteField } from '../log-event.js';
import { hostOfUrl, isBlockedAction, parseCount, parseIsoDateDay } from './bytes.js';

function host(url: string): string | undefined {
  const buf = Buffer.from(url);
  const field = new ByteField();
  hostOfUrl(buf, 0, buf.length, field);
  return field.isEmpty ? undefined : field.text();
}

describe('byte helpers of the parsers', () => {
  it.each<[string, string | undefined]>([
    ['https://chatgpt.com/c/1?q=x', 'chatgpt.com'],
    ['HTTPS://Chat.OpenAI.com:443/', 'Chat.OpenAI.com'],
    ['http://u:p@deepl.com/x', 'deepl.com'],
    ['deepl.com/translator#en/fr/secret', 'deepl.com'],
    ['deepl.com:443', 'deepl.com'],
    ['[2001:db8::1]:443', '[2001:db8::1]'],
    ['-', undefined],
    ['', undefined],
    ['error:invalid-request', undefined],
    ['/relative/path', undefined],
  ])('the host of %j is %j', (url, expected) => {
    expect(host(url)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['Blocked', true],
    ['BLOCK', true],
    ['TCP_DENIED/403', true],
    ['deny', true],
    ['Dropped', true],
    ['rejected', true],
    ['Allowed', false],
    ['OBSERVED', false],
    ['', false],
  ])('%j means blocked: %s', (action, blocked) => {
    const buf = Buffer.from(action);
    expect(isBlockedAction(buf, 0, buf.length)).toBe(blocked);
  });

  it('reads counts and dates', () => {
    const count = (text: string) => parseCount(Buffer.from(text), 0, text.length);
    expect([count('0'), count('123'), count('-'), count(''), count('1e3'), count('-5')]).toEqual([
      0, 123, 0, 0, -1, -1,
    ]);
    const day = (text: string) => parseIsoDateDay(Buffer.from(text), 0, text.length);
    expect(day('2026-11-30')).toBe(Date.parse('2026-11-30') / 86_400_000);
    expect([day('2026-13-01'), day('30-11-2026'), day('2026-11-3'), day('1989-12-31')]).toEqual([
      -1, -1, -1, -1,
    ]);
  });
});

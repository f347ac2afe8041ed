import { describe, expect, it } from 'vitest';
import { classifyHost, normaliseHost } from './host.js';

describe('normalising a host name', () => {
  it.each<[string, string | null]>([
    ['chatgpt.com', 'chatgpt.com'],
    ['ChatGPT.COM', 'chatgpt.com'],
    ['chatgpt.com.', 'chatgpt.com'],
    ['chatgpt.com..', 'chatgpt.com'],
    ['  chatgpt.com  ', 'chatgpt.com'],
    ['chatgpt.com:443', 'chatgpt.com'],
    ['chatgpt.com.:443', 'chatgpt.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['BÜCHER.example', 'xn--bcher-kva.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['例え.テスト', 'xn--r8jz45g.xn--zckzah'],
    ['_dmarc.example.org', '_dmarc.example.org'],
    ['a-b.example', 'a-b.example'],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseHost(raw)).toBe(expected);
  });

  it.each<[string, 'ip' | 'invalid']>([
    ['10.1.2.3', 'ip'],
    ['10.1.2.3:8080', 'ip'],
    ['[2001:db8::1]', 'ip'],
    ['[2001:db8::1]:443', 'ip'],
    ['2001:db8::1', 'ip'],
    ['', 'invalid'],
    ['   ', 'invalid'],
    ['.', 'invalid'],
    ['-', 'invalid'],
    ['-chatgpt.com', 'invalid'],
    ['chatgpt-.com', 'invalid'],
    ['a..b', 'invalid'],
    ['.chatgpt.com', 'invalid'],
    ['chat gpt.com', 'invalid'],
    ['chatgpt.com:https', 'invalid'],
    ['chatgpt.com/path', 'invalid'],
    [`${'a'.repeat(64)}.example`, 'invalid'],
    [`${'a.'.repeat(127)}example`, 'invalid'],
  ])('%j is no host name (%s) and never matches an app', (raw, kind) => {
    expect(classifyHost(raw).kind).toBe(kind);
    expect(normaliseHost(raw)).toBeNull();
  });

  it('treats 999.1.2.3 as a name with digits, not as an address', () => {
    expect(classifyHost('999.1.2.3').kind).toBe('name');
  });
});

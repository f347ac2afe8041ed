import { describe, expect, it } from 'vitest';
import { DomainMatcher, NO_APP } from './domain-matcher.js';

const CHATGPT = 0;
const OPENAI_API = 1;
const SORA = 2;
const DEEPL = 3;

function matcher(): DomainMatcher {
  const m = new DomainMatcher();
  m.add('chatgpt.com', CHATGPT);
  m.add('chat.openai.com', CHATGPT);
  m.add('api.openai.com', OPENAI_API);
  m.add('sora.chatgpt.com', SORA);
  m.add('deepl.com', DEEPL);
  return m;
}

describe('matching hosts to apps by domain', () => {
  const m = matcher();

  it.each<[string, number]>([
    ['chatgpt.com', CHATGPT],
    ['foo.chatgpt.com', CHATGPT],
    ['a.b.c.chatgpt.com', CHATGPT],
    ['chat.openai.com', CHATGPT],
    ['api.openai.com', OPENAI_API],
    ['eu.api.openai.com', OPENAI_API],
    ['sora.chatgpt.com', SORA],
    ['videos.sora.chatgpt.com', SORA],
    ['www.deepl.com', DEEPL],
    // Case, trailing dots, ports and IDN forms as logs write them.
    ['ChatGPT.com', CHATGPT],
    ['CHAT.OPENAI.COM.', CHATGPT],
    ['chatgpt.com:443', CHATGPT],
    ['api.openai.com.:443', OPENAI_API],
    ['Foo.ChatGPT.Com', CHATGPT],
  ])('%s belongs to app %i', (host, app) => {
    expect(m.match(host)).toBe(app);
  });

  it.each([
    'notchatgpt.com',
    'chatgpt.com.evil.example',
    'chatgpt.co',
    'openai.com',
    'platform.openai.com',
    'com',
    'deepl.comx',
    'xdeepl.com',
    'chatgpt.com-phish.example',
    '104.18.32.47',
    '[2606:4700::6812:20b]:443',
    '',
    'chat gpt.com',
    'bücher.example',
  ])('%j belongs to no app', (host) => {
    expect(m.match(host)).toBe(NO_APP);
  });

  it('matches Unicode hosts through their punycode form', () => {
    const idn = new DomainMatcher();
    idn.add('xn--bcher-kva.example', 7);
    expect(idn.match('bücher.example')).toBe(7);
    expect(idn.match('WWW.BÜCHER.EXAMPLE.')).toBe(7);
  });

  it('refuses a domain claimed twice and a string that is no domain', () => {
    const m2 = matcher();
    expect(() => m2.add('ChatGPT.com.', 9)).toThrow(/claimed twice/);
    expect(() => m2.add('10.0.0.1', 9)).toThrow(/not a domain name/);
  });

  it('counts the domains it holds', () => {
    expect(m.size).toBe(5);
  });
});

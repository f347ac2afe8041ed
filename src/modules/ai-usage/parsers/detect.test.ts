import { describe, expect, it } from 'vitest';
import { NOV_30, squidLine } from '../testing/fixtures.js';
import { parseColumnMap } from './column-map.js';
import { detectFormat } from './detect.js';

const detect = (lines: string[], map = '') =>
  detectFormat(
    lines.map((line) => Buffer.from(line)),
    parseColumnMap(map),
  );

describe('recognising a log format from its first lines', () => {
  it.each<[string, string[]]>([
    [
      'squid',
      [squidLine(), squidLine({ url: 'http://example.org/x', method: 'GET' }), squidLine({ user: '-' })],
    ],
    [
      'w3c',
      [
        '#Software: SGOS 6.7',
        '#Version: 1.0',
        '#Fields: date time cs-host',
        '2026-11-30 10:00:00 chatgpt.com',
      ],
    ],
    ['w3c', ['#Fields: date time cs-host c-ip', '2026-11-30 10:00:00 chatgpt.com 10.1.2.3']],
    ['jsonl', [`{"ts":${NOV_30},"host":"chatgpt.com"}`, `{"ts":${NOV_30},"host":"deepl.com"}`]],
    [
      'dns',
      [
        '30-Nov-2026 10:15:02.123 queries: info: client @0x7f 10.1.2.3#53211 (chatgpt.com): query: chatgpt.com IN A + (10.0.0.53)',
      ],
    ],
    [
      'dns',
      [
        'Nov 30 10:15:02 dnsmasq[1234]: query[A] chatgpt.com from 10.1.2.3',
        'Nov 30 10:15:02 dnsmasq[1234]: forwarded chatgpt.com to 1.1.1.1',
      ],
    ],
    [
      'zscaler',
      ['"Mon Nov 30 10:00:00 2026","jdoe","HTTPS","chatgpt.com/","Allowed","ChatGPT","AI","10","20"'],
    ],
    ['zscaler', ['time,login,proto,eurl,action,reqsize,respsize,dept']],
    ['csv', ['timestamp,user,host,bytes_out', '2026-11-30T10:00:00Z,jdoe,chatgpt.com,12']],
  ])('%s', (format, lines) => {
    expect(detect(lines)).toBe(format);
  });

  it('recognises a CSV whose columns are named only by --map', () => {
    expect(detect(['a,b,c', '1796032800,jdoe,chatgpt.com'])).toBeNull();
    expect(detect(['a,b,c', '1796032800,jdoe,chatgpt.com'], 'time=a,user=b,host=c')).toBe('csv');
  });

  it('recognises Squid when a few lines in the sample are damaged', () => {
    expect(detect([squidLine(), 'garbage', squidLine(), squidLine(), squidLine()])).toBe('squid');
  });

  it.each<[string, string[]]>([
    ['plain text', ['hello world', 'this is not a log']],
    ['an Apache access log', ['127.0.0.1 - - [30/Nov/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 512']],
    ['binary data', ['\u0000\u0001\u0002\u0003']],
    ['a CSV without time or host', ['name,age', 'ana,32']],
    ['nothing', []],
  ])('recognises nothing in %s', (_label, lines) => {
    expect(detect(lines)).toBeNull();
  });
});

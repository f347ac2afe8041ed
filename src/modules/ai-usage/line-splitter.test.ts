import { describe, expect, it } from 'vitest';
import { LineSplitter, type LineSink } from './line-splitter.js';

interface Seen {
  lines: [number, string][];
  tooLong: number[];
  /** The byte after each line, which parsers may rely on being a line end. */
  after: (number | undefined)[];
}

function split(chunks: (string | Buffer)[], maxLineBytes?: number): Seen {
  const seen: Seen = { lines: [], tooLong: [], after: [] };
  const sink: LineSink = {
    line: (buf, start, end, n) => {
      seen.lines.push([n, buf.toString('utf8', start, end)]);
      seen.after.push(buf[end]);
    },
    tooLong: (n) => seen.tooLong.push(n),
  };
  const splitter = new LineSplitter(sink, maxLineBytes);
  for (const chunk of chunks) splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  splitter.end();
  return seen;
}

describe('splitting chunks into lines', () => {
  it('numbers lines from 1 and keeps empty lines', () => {
    expect(split(['a\n\nb\n']).lines).toEqual([
      [1, 'a'],
      [2, ''],
      [3, 'b'],
    ]);
  });

  it('joins a line cut by chunk boundaries, wherever the cut falls', () => {
    const text = 'first line\nsecond, longer line\r\nthird\n';
    for (let size = 1; size <= text.length; size += 1) {
      const chunks: string[] = [];
      for (let at = 0; at < text.length; at += size) chunks.push(text.slice(at, at + size));
      expect(
        split(chunks).lines.map(([, line]) => line),
        `chunks of ${size}`,
      ).toEqual(['first line', 'second, longer line', 'third']);
    }
  });

  it('drops CR before LF and a UTF-8 byte-order mark before the first line only', () => {
    expect(split([Buffer.from([0xef, 0xbb, 0xbf]), 'a\r\n\ufeffb\n']).lines).toEqual([
      [1, 'a'],
      [2, '\ufeffb'],
    ]);
  });

  it('counts a last line without a newline', () => {
    expect(split(['a\nlast']).lines).toEqual([
      [1, 'a'],
      [2, 'last'],
    ]);
  });

  it('follows every line with a byte no greater than a space', () => {
    const seen = split(['abc\r\nde', 'f\nlast']);
    for (const byte of seen.after) if (byte !== undefined) expect(byte).toBeLessThanOrEqual(0x20);
    expect(seen.lines.map(([, l]) => l)).toEqual(['abc', 'def', 'last']);
  });

  it('reports lines longer than the limit by number and goes on with the next', () => {
    const long = 'x'.repeat(40);
    const seen = split([`short\n${long.slice(0, 25)}`, `${long.slice(25)}\nnext\n${long}\nend`], 32);
    expect(seen.lines).toEqual([
      [1, 'short'],
      [3, 'next'],
      [5, 'end'],
    ]);
    expect(seen.tooLong).toEqual([2, 4]);
  });

  it('accepts a line of exactly the limit, even with a CR', () => {
    const seen = split([`${'y'.repeat(8)}\r`, '\n'], 8);
    expect(seen.lines).toEqual([[1, 'y'.repeat(8)]]);
    expect(seen.tooLong).toEqual([]);
  });

  it('sees nothing in an empty input', () => {
    expect(split([]).lines).toEqual([]);
    expect(split(['']).lines).toEqual([]);
  });
});

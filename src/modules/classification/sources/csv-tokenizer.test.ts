import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.js';
import { failureMessage } from '../scan.js';
import { CsvTokenizer, type CsvTokenizerLimits } from './csv-tokenizer.js';

function tokenize(
  text: string,
  chunkSize = text.length,
  delimiter = ',',
  limits?: CsvTokenizerLimits,
): string[][] {
  const tokenizer = new CsvTokenizer(delimiter, limits);
  const out: string[][] = [];
  for (let i = 0; i < text.length; i += Math.max(1, chunkSize))
    tokenizer.push(text.slice(i, i + chunkSize), out);
  tokenizer.end(out);
  return out;
}

const CASES: Array<{ name: string; text: string; records: string[][]; delimiter?: string }> = [
  {
    name: 'plain records, LF',
    text: 'a,b\n1,2\n',
    records: [
      ['a', 'b'],
      ['1', '2'],
    ],
  },
  {
    name: 'CRLF and no final line break',
    text: 'a,b\r\n1,2',
    records: [
      ['a', 'b'],
      ['1', '2'],
    ],
  },
  {
    name: 'old Mac CR line ends',
    text: 'a,b\r1,2\r',
    records: [
      ['a', 'b'],
      ['1', '2'],
    ],
  },
  { name: 'empty fields', text: ',a,,\n', records: [['', 'a', '', '']] },
  { name: 'blank line', text: 'a\n\nb\n', records: [['a'], [''], ['b']] },
  {
    name: 'quoted delimiter, line break and escaped quote',
    text: '"x, y","line\none","say ""hi"""\n',
    records: [['x, y', 'line\none', 'say "hi"']],
  },
  { name: 'stray quote inside a value is kept', text: 'a 5" screen,b\n', records: [['a 5" screen', 'b']] },
  { name: 'text after a closing quote is appended', text: '"abc"def,g\n', records: [['abcdef', 'g']] },
  {
    name: 'semicolons',
    text: 'a;b\n1;2\n',
    records: [
      ['a', 'b'],
      ['1', '2'],
    ],
    delimiter: ';',
  },
  {
    name: 'tabs',
    text: 'a\tb\n"1\t2"\t3\n',
    records: [
      ['a', 'b'],
      ['1\t2', '3'],
    ],
    delimiter: '\t',
  },
  {
    name: 'ragged rows',
    text: 'a,b,c\n1\n1,2,3,4\n',
    records: [['a', 'b', 'c'], ['1'], ['1', '2', '3', '4']],
  },
];

describe('CsvTokenizer', () => {
  for (const c of CASES) {
    it(`${c.name}, whatever the chunk boundaries`, () => {
      for (const size of [1, 2, 3, 5, 7, c.text.length])
        expect(tokenize(c.text, size, c.delimiter)).toEqual(c.records);
    });
  }

  it('keeps only the first characters of a long value', () => {
    const limits = { maxRecordChars: 1000, maxValueChars: 4, maxColumns: 10 };
    expect(tokenize('abcdefgh,"ijklmnop"\n', 3, ',', limits)).toEqual([['abcd', 'ijkl']]);
    expect(tokenize('"a""bcdef"\n', 2, ',', limits)).toEqual([['a"bc']]);
  });

  it('refuses a record longer than the limit, with its row number, without holding more', () => {
    const limits = { maxRecordChars: 100, maxValueChars: 10, maxColumns: 10 };
    const tokenizer = new CsvTokenizer(',', limits);
    const out: string[][] = [];
    tokenizer.push('header\n', out);
    let error: unknown;
    try {
      for (let i = 0; i < 100; i++) tokenizer.push('x'.repeat(30), out);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('payload_too_large');
    expect((error as AppError).message).toMatch(/^Row 2 is longer than/);
  });

  it('refuses more columns than the limit', () => {
    const limits = { maxRecordChars: 1000, maxValueChars: 10, maxColumns: 3 };
    expect(() => tokenize('a,b,c,d\n', 100, ',', limits)).toThrow(
      'Row 1 has 4 columns; a scan reads at most 3',
    );
  });

  it('refuses a quoted value never closed', () => {
    let message = '';
    try {
      tokenize('a\n"open,b\n');
    } catch (error) {
      message = failureMessage(error);
    }
    expect(message).toBe('Row 2: a quoted value is never closed: check for a stray double quote (")');
  });
});

import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ByteInput } from './byte-source.js';
import { readCsv, type CsvReadOptions } from './read-csv.js';
import { chunked, issueMessages, readAll, rejected } from './testing/files.js';

const COUNTRIES = 'Country;Capital\r\nCôte d’Ivoire;Yamoussoukro\r\nColombia;Bogotá\r\n';
const EXPECTED = [
  { row: 2, cells: { Country: 'Côte d’Ivoire', Capital: 'Yamoussoukro' } },
  { row: 3, cells: { Country: 'Colombia', Capital: 'Bogotá' } },
];
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Open and read to the end: limits may trip while opening or while streaming rows. */
async function readRows(input: ByteInput, options?: CsvReadOptions) {
  return readAll(await readCsv(input, options));
}

describe('readCsv: encodings and delimiters', () => {
  const comma = COUNTRIES.replaceAll(';', ',');
  const tab = COUNTRIES.replaceAll(';', '\t');
  const cases: Array<{ name: string; bytes: Buffer; encoding: string; delimiter: string }> = [
    {
      name: 'Windows-1252, semicolons (French Excel "CSV")',
      bytes: iconv.encode(COUNTRIES, 'windows-1252'),
      encoding: 'windows-1252',
      delimiter: ';',
    },
    { name: 'UTF-8 without BOM, commas', bytes: Buffer.from(comma), encoding: 'utf-8', delimiter: ',' },
    {
      name: 'UTF-8 with BOM (Excel "CSV UTF-8")',
      bytes: Buffer.concat([BOM, Buffer.from(COUNTRIES)]),
      encoding: 'utf-8',
      delimiter: ';',
    },
    {
      name: 'UTF-16 LE with BOM, tabs (Excel "Unicode text")',
      bytes: iconv.encode(tab, 'utf-16le', { addBOM: true }),
      encoding: 'utf-16le',
      delimiter: '\t',
    },
    {
      name: 'UTF-16 BE with BOM',
      bytes: iconv.encode(comma, 'utf-16be', { addBOM: true }),
      encoding: 'utf-16be',
      delimiter: ',',
    },
    {
      name: 'UTF-16 LE without BOM',
      bytes: iconv.encode(tab, 'utf-16le'),
      encoding: 'utf-16le',
      delimiter: '\t',
    },
  ];
  for (const { name, bytes, encoding, delimiter } of cases) {
    it(`reads ${name} from a buffer`, async () => {
      const table = await readCsv(bytes);
      expect(table.headers).toEqual(['Country', 'Capital']);
      expect(await readAll(table)).toEqual(EXPECTED);
      expect(table.source).toEqual({ format: 'csv', encoding, delimiter });
    });
    it(`reads ${name} from a stream of 3-byte chunks`, async () => {
      const table = await readCsv(chunked(bytes, 3));
      expect(await readAll(table)).toEqual(EXPECTED);
      expect(table.source).toEqual({ format: 'csv', encoding, delimiter });
    });
  }

  it('honours a delimiter and encoding given by the caller', async () => {
    const table = await readCsv(iconv.encode('a|b\n1|é\n', 'windows-1252'), {
      delimiter: '|',
      encoding: 'windows-1252',
    });
    expect(await readAll(table)).toEqual([{ row: 2, cells: { a: '1', b: 'é' } }]);
  });
});

describe('readCsv: rows as the spreadsheet user sees them', () => {
  it('numbers rows like Excel: blank lines count, a quoted multi-line cell is one row', async () => {
    const csv = 'name,note\n\nAda,"line 1\nline 2"\n,\nGrace,"says ""hi"""\n';
    const rows = await readAll(await readCsv(Buffer.from(csv)));
    expect(rows).toEqual([
      { row: 3, cells: { name: 'Ada', note: 'line 1\nline 2' } },
      { row: 5, cells: { name: 'Grace', note: 'says "hi"' } },
    ]);
  });

  it('takes the first non-blank row as the header and reports its row', async () => {
    const table = await readCsv(Buffer.from('\n\n name , email \nAda,ada@x.org\n'));
    expect(table.headerRow).toBe(3);
    expect(table.headers).toEqual(['name', 'email']);
    expect(await readAll(table)).toEqual([{ row: 4, cells: { name: 'Ada', email: 'ada@x.org' } }]);
  });

  it('keeps cell text as written (spaces, leading zeros) and leaves empty cells out', async () => {
    const rows = await readAll(await readCsv(Buffer.from('code,name,city\n007, Ada ,\n')));
    expect(rows).toEqual([{ row: 2, cells: { code: '007', name: ' Ada ' } }]);
  });

  it('removes the apostrophe the exporter puts before formula-like text', async () => {
    const rows = await readAll(await readCsv(Buffer.from("a,b\n'=SUM(1),'+41 22\n''=x,'plain\n")));
    expect(rows.map((r) => r.cells)).toEqual([
      { a: '=SUM(1)', b: '+41 22' },
      { a: "'=x", b: "'plain" },
    ]);
  });

  it('reports values in columns without a header by their letter', async () => {
    const rows = await readAll(
      await readCsv(Buffer.from('name,,email\nAda,oops,ada@x.org,extra\nGrace,,g@x.org\n')),
    );
    expect(rows).toEqual([
      { row: 2, cells: { name: 'Ada', email: 'ada@x.org' }, unlabelled: ['B', 'D'] },
      { row: 3, cells: { name: 'Grace', email: 'g@x.org' } },
    ]);
  });
});

describe('readCsv: refusals', () => {
  it('refuses a repeated header, naming both columns', async () => {
    const error = await rejected(readCsv(Buffer.from('email,name,email\n')));
    expect(error.code).toBe('import_invalid');
    expect(issueMessages(error)).toEqual(['Column C repeats the header "email" of column A; keep one']);
  });

  it('refuses a file with no header row', async () => {
    const error = await rejected(readCsv(Buffer.from('\n \n,,\n')));
    expect(error.code).toBe('import_invalid');
    expect(issueMessages(error)[0]).toContain('no header row');
  });

  it('refuses a file over the size limit with 413, also when streamed', async () => {
    const bytes = Buffer.from(`a,b\n${'1,2\n'.repeat(1000)}`);
    for (const input of [bytes, chunked(bytes, 100)]) {
      const error = await rejected(readRows(input, { limits: { maxBytes: 1000 } }));
      expect(error.code).toBe('payload_too_large');
      expect(error.message).toContain('1000 bytes');
    }
  });

  it('refuses more data rows than the limit, ignoring blank rows', async () => {
    expect(await readRows(Buffer.from('a\n1\n\n2\n3\n'), { limits: { maxRows: 3 } })).toHaveLength(3);
    const error = await rejected(readRows(Buffer.from('a\n1\n2\n3\n4\n'), { limits: { maxRows: 3 } }));
    expect(error.code).toBe('payload_too_large');
  });

  it('refuses a cell longer than the limit, naming row and column', async () => {
    const error = await rejected(
      readRows(Buffer.from(`a,b\n1,${'x'.repeat(50)}\n`), { limits: { maxCellChars: 40 } }),
    );
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toContain('Row 2, column B');
  });

  it('refuses more columns than the limit', async () => {
    const error = await rejected(readCsv(Buffer.from('a,b,c,d\n'), { limits: { maxColumns: 3 } }));
    expect(error.code).toBe('payload_too_large');
  });

  it('reports a quote that is never closed with the row where it starts', async () => {
    const error = await rejected(readRows(Buffer.from('a,b\n1,2\n3,"never closed\n4,5\n')));
    expect(error.code).toBe('import_invalid');
    expect(issueMessages(error)[0]).toMatch(/^Row 3: a quoted value is never closed/);
  });

  it('stops a runaway quoted value at the record size bound instead of buffering the file', async () => {
    const csv = `a,b\n1,"${'x'.repeat(1_100_000)}\n2,3\n`;
    const error = await rejected(readRows(Buffer.from(csv)));
    expect(error.code).toBe('import_invalid');
    expect(issueMessages(error)[0]).toMatch(/^Row 2: the row is too long/);
  });

  it('closes a streamed upload when it refuses the header, without reading the rest', async () => {
    let produced = 0;
    const upload = Readable.from(
      (function* endless() {
        yield Buffer.from('email,email\n');
        for (;;) {
          produced++;
          yield Buffer.from('a@x.org,b@x.org\n'.repeat(1000));
        }
      })(),
    );
    expect((await rejected(readCsv(upload))).code).toBe('import_invalid');
    await new Promise((resolve) => setImmediate(resolve));
    expect(upload.destroyed).toBe(true);
    expect(produced).toBeLessThan(100);
  });
});

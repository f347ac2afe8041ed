import { describe, expect, it } from 'vitest';
import { cell } from './cell-types.js';
import { column, defineTable } from './columns.js';
import { collect } from './testing/files.js';
import { writeCsv } from './write-csv.js';

const spec = defineTable({
  name: 'Items',
  columns: [
    column({ key: 'name', header: 'Name', required: true, ...cell.text() }),
    column({ key: 'count', header: 'Count', ...cell.integer() }),
    column({ key: 'since', header: 'Since', ...cell.date() }),
    column({ key: 'tags', header: 'Tags', ...cell.textList() }),
  ],
});

describe('writeCsv', () => {
  it('writes a UTF-8 BOM, the headers, CRLF line ends, and quotes only when needed (RFC 4180)', async () => {
    const bytes = await collect(
      writeCsv(spec, [
        { name: 'Bogotá', count: 3, since: '2025-03-31', tags: ['a', 'b'] },
        { name: 'Says "hi", twice' },
        { name: 'two\nlines' },
      ]),
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      'Name,Count,Since,Tags\r\nBogotá,3,2025-03-31,a; b\r\n"Says ""hi"", twice",,,\r\n"two\nlines",,,\r\n',
    );
  });

  it('guards text that Excel would run as a formula, and leaves numbers alone', async () => {
    const text = (
      await collect(
        writeCsv(spec, [
          { name: '=HYPERLINK("http://x")', count: -5 },
          { name: '@SUM(A1)' },
          { name: "'+41" },
        ]),
      )
    ).toString('utf8');
    expect(text.split('\r\n').slice(1, 4)).toEqual([
      '"\'=HYPERLINK(""http://x"")",-5,,',
      "'@SUM(A1),,,",
      "''+41,,,",
    ]);
  });

  it('can write semicolons without a BOM', async () => {
    const text = (
      await collect(writeCsv(spec, [{ name: 'a;b', count: 1 }], { delimiter: ';', bom: false }))
    ).toString('utf8');
    expect(text).toBe('Name;Count;Since;Tags\r\n"a;b";1;;\r\n');
  });

  it('streams large exports in chunks', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ name: `row ${i}` }));
    const chunks: Buffer[] = [];
    for await (const chunk of writeCsv(spec, rows)) chunks.push(chunk as Buffer);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).toString('utf8').split('\r\n')).toHaveLength(10_002);
  });
});

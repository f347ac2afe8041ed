import { describe, expect, it } from 'vitest';
import { readXlsx } from './read-xlsx.js';
import type { ByteInput } from './byte-source.js';
import { chunked, issueMessages, readAll, rejected, simpleXlsx, xlsxBuffer } from './testing/files.js';

async function readRows(input: ByteInput, options?: Parameters<typeof readXlsx>[1]) {
  return readAll(await readXlsx(input, options));
}

/** Patch every ZIP directory record of `name` (central and local) with `patch`. */
function patchZipEntry(
  zip: Buffer,
  name: string,
  patch: (record: Buffer, kind: 'local' | 'central') => void,
): Buffer {
  const copy = Buffer.from(zip);
  const nameBytes = Buffer.from(name);
  for (let i = 0; i + 4 < copy.length; i++) {
    const signature = copy.readUInt32LE(i);
    if (signature === 0x04034b50 && copy.subarray(i + 30, i + 30 + nameBytes.length).equals(nameBytes)) {
      patch(copy.subarray(i), 'local');
    } else if (
      signature === 0x02014b50 &&
      copy.subarray(i + 46, i + 46 + nameBytes.length).equals(nameBytes)
    ) {
      patch(copy.subarray(i), 'central');
    }
  }
  return copy;
}

describe('readXlsx: cell values as text', () => {
  it('converts every kind of cell to the text a user expects', async () => {
    const bytes = await xlsxBuffer((workbook) => {
      const sheet = workbook.addWorksheet('Data');
      sheet.addRow(['kind', 'value']);
      const rows: Array<[string, unknown, string?]> = [
        ['text with accents', 'Bogotá, Côte d’Ivoire'],
        ['leading zeros kept as text', '007'],
        ['integer', 42],
        ['decimal', 0.1],
        ['boolean', true],
        ['date', new Date(Date.UTC(2025, 2, 31))],
        ['date and time', new Date(Date.UTC(2025, 2, 31, 14, 30))],
        ['rich text', { richText: [{ text: 'Data ' }, { font: { bold: true }, text: 'owner' }] }],
        ['hyperlink', { text: 'Custos site', hyperlink: 'https://custos-demo.org' }],
        ['formula with a number result', { formula: '0.1+0.2', result: 0.30000000000000004 }],
        ['formula with a text result', { formula: 'UPPER("ke")', result: 'KE' }],
        ['formula with a date result', { formula: 'DATE(2025,3,31)', result: 45747 }, 'dd/mm/yyyy'],
        ['error', { error: '#N/A' }],
        ['multi-line text', 'line 1\nline 2'],
      ];
      for (const [kind, value, numFmt] of rows) {
        const row = sheet.addRow([kind, value]);
        if (value instanceof Date || numFmt) row.getCell(2).numFmt = numFmt ?? 'yyyy-mm-dd';
      }
    });
    const rows = await readRows(bytes);
    const values = Object.fromEntries(rows.map((r) => [r.cells.kind, r.cells.value]));
    expect(values).toEqual({
      'text with accents': 'Bogotá, Côte d’Ivoire',
      'leading zeros kept as text': '007',
      integer: '42',
      decimal: '0.1',
      boolean: 'TRUE',
      date: '2025-03-31',
      'date and time': '2025-03-31 14:30',
      'rich text': 'Data owner',
      hyperlink: 'Custos site',
      'formula with a number result': '0.3',
      'formula with a text result': 'KE',
      'formula with a date result': '2025-03-31',
      error: '#N/A',
      'multi-line text': 'line 1\nline 2',
    });
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('uses real sheet row numbers: header below blank rows, blank rows skipped but counted', async () => {
    const bytes = await xlsxBuffer((workbook) => {
      const sheet = workbook.addWorksheet('Data');
      sheet.getRow(3).values = ['Name', 'E-mail'];
      sheet.getRow(4).values = ['Ada', 'ada@x.org'];
      sheet.getRow(7).values = ['Grace', 'grace@x.org'];
    });
    const table = await readXlsx(bytes);
    expect(table.headerRow).toBe(3);
    expect(table.headers).toEqual(['Name', 'E-mail']);
    expect(await readAll(table)).toEqual([
      { row: 4, cells: { Name: 'Ada', 'E-mail': 'ada@x.org' } },
      { row: 7, cells: { Name: 'Grace', 'E-mail': 'grace@x.org' } },
    ]);
  });

  it('reports values in columns without a header by their letter', async () => {
    const rows = await readRows(
      await simpleXlsx([
        ['name', null, 'email'],
        ['Ada', 'x', 'a@x.org', null, 'y'],
      ]),
    );
    expect(rows).toEqual([{ row: 2, cells: { name: 'Ada', email: 'a@x.org' }, unlabelled: ['B', 'E'] }]);
  });

  it('reads from a stream as well as from a buffer', async () => {
    const bytes = await simpleXlsx([['a'], ['1']]);
    expect(await readRows(chunked(bytes, 512))).toEqual([{ row: 2, cells: { a: '1' } }]);
  });
});

describe('readXlsx: choosing the sheet', () => {
  const workbook = () =>
    xlsxBuffer((wb) => {
      wb.addWorksheet('Old', { state: 'hidden' }).addRow(['old']);
      wb.addWorksheet('People').addRows([['name'], ['Ada']]);
      wb.addWorksheet('Offices').addRows([['code'], ['KE']]);
    });

  it('reads the first visible sheet by default', async () => {
    const table = await readXlsx(await workbook());
    expect(table.source).toEqual({ format: 'xlsx', sheet: 'People' });
    expect(await readAll(table)).toEqual([{ row: 2, cells: { name: 'Ada' } }]);
  });

  it('reads a sheet by name', async () => {
    const table = await readXlsx(await workbook(), { sheet: 'Offices' });
    expect(await readAll(table)).toEqual([{ row: 2, cells: { code: 'KE' } }]);
  });

  it('refuses a missing sheet name, listing the sheets', async () => {
    const error = await rejected(readXlsx(await workbook(), { sheet: 'Risks' }));
    expect(error.code).toBe('import_invalid');
    expect(issueMessages(error)).toEqual([
      'The workbook has no sheet named "Risks"; its sheets are "Old", "People", "Offices"',
    ]);
  });

  it('refuses an empty sheet and a repeated header', async () => {
    expect((await rejected(readRows(await simpleXlsx([])))).code).toBe('import_invalid');
    const error = await rejected(readRows(await simpleXlsx([['Email', 'Email']])));
    expect(issueMessages(error)).toEqual(['Column B repeats the header "Email" of column A; keep one']);
  });
});

describe('readXlsx: limits and hostile files', () => {
  // 2,000 distinct 500-character strings: about 1 MB of XML that compresses to a few KB.
  const bigSheet = () =>
    simpleXlsx([['text'], ...Array.from({ length: 2000 }, (_, i) => [String(i).padEnd(500, 'x')])]);

  it('refuses a file over the size limit before parsing', async () => {
    const bytes = await simpleXlsx([['a'], ['1']]);
    const error = await rejected(readRows(bytes, { limits: { maxBytes: bytes.length - 1 } }));
    expect(error.code).toBe('payload_too_large');
  });

  it('refuses a sheet with more rows than the limit', async () => {
    const bytes = await simpleXlsx([['a'], ['1'], ['2'], ['3']]);
    expect(await readRows(bytes, { limits: { maxRows: 3 } })).toHaveLength(3);
    const error = await rejected(readRows(bytes, { limits: { maxRows: 2 } }));
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toContain('more than 2 data rows');
  });

  it('refuses a workbook that expands beyond the decompression limit (zip bomb)', async () => {
    const bytes = await bigSheet();
    expect(bytes.length).toBeLessThan(100_000);
    const error = await rejected(readRows(bytes, { limits: { maxUncompressedBytes: 500_000 } }));
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toContain('expands to more than');
  });

  it('measures real decompressed sizes, not the sizes the ZIP declares', async () => {
    const honest = await bigSheet();
    const lying = patchZipEntry(honest, 'xl/sharedStrings.xml', (record, kind) => {
      record.writeUInt32LE(10, kind === 'local' ? 22 : 24);
    });
    expect(lying.equals(honest)).toBe(false);
    const error = await rejected(readRows(lying, { limits: { maxUncompressedBytes: 500_000 } }));
    expect(error.code).toBe('payload_too_large');
  });

  it('refuses a cell longer than the limit', async () => {
    const error = await rejected(
      readRows(
        await simpleXlsx([
          ['a', 'b'],
          ['1', 'x'.repeat(50)],
        ]),
        { limits: { maxCellChars: 40 } },
      ),
    );
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toContain('Row 2, column B');
  });

  it('refuses a ZIP that is not a workbook with 415', async () => {
    const notWorkbook = patchZipEntry(await simpleXlsx([['a']]), 'xl/workbook.xml', (record, kind) => {
      const at = (kind === 'local' ? 30 : 46) + 'xl/'.length;
      record.write('W', at);
    });
    const error = await rejected(readRows(notWorkbook));
    expect(error.code).toBe('unsupported_media_type');
    expect(error.message).toContain('not an Excel workbook');
  });

  it('refuses an encrypted ZIP entry with 415', async () => {
    const encrypted = patchZipEntry(await simpleXlsx([['a']]), 'xl/workbook.xml', (record, kind) => {
      if (kind === 'central') record.writeUInt16LE(record.readUInt16LE(8) | 1, 8);
    });
    expect((await rejected(readRows(encrypted))).code).toBe('unsupported_media_type');
  });

  it('refuses a truncated workbook as damaged', async () => {
    const bytes = await simpleXlsx([['a'], ['1']]);
    const error = await rejected(readRows(bytes.subarray(0, Math.floor(bytes.length / 2))));
    expect(error.code).toBe('import_invalid');
    expect(issueMessages(error)[0]).toContain('damaged');
  });
});

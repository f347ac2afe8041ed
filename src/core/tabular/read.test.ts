import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from './read.js';
import { chunked, readAll, rejected, simpleXlsx } from './testing/files.js';

describe('readSpreadsheet', () => {
  it('reads an XLSX by content, from a buffer or a stream', async () => {
    const bytes = await simpleXlsx([['Pays'], ['Côte d’Ivoire']]);
    for (const input of [bytes, chunked(bytes, 100)]) {
      const table = await readSpreadsheet(input);
      expect(table.source.format).toBe('xlsx');
      expect(await readAll(table)).toEqual([{ row: 2, cells: { Pays: 'Côte d’Ivoire' } }]);
    }
  });

  it('reads a CSV by content, from a buffer or a stream', async () => {
    const bytes = iconv.encode('Pays;Capitale\r\nColombie;Bogotá\r\n', 'windows-1252');
    for (const input of [bytes, chunked(bytes, 2)]) {
      const table = await readSpreadsheet(input);
      expect(await readAll(table)).toEqual([{ row: 2, cells: { Pays: 'Colombie', Capitale: 'Bogotá' } }]);
      expect(table.source).toEqual({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    }
  });

  it('refuses a PDF with 415 before parsing', async () => {
    const error = await rejected(readSpreadsheet(Buffer.from('%PDF-1.4\n1 0 obj\n')));
    expect(error.code).toBe('unsupported_media_type');
    expect(error.message).toMatch(/^Unsupported file type: this looks like a PDF document/);
  });

  it('passes limits and sheet options to the reader it picks', async () => {
    const bytes = await simpleXlsx([['a'], ['1'], ['2']]);
    expect((await rejected(readAll(await readSpreadsheet(bytes, { limits: { maxRows: 1 } })))).code).toBe(
      'payload_too_large',
    );
    expect((await rejected(readSpreadsheet(bytes, { sheet: 'Nope' }))).code).toBe('import_invalid');
  });

  it.each([
    ['a refused PDF', Buffer.from('%PDF-1.4\n'), {}],
    ['an XLSX over the size limit', Buffer.from('PK\u0003\u0004'), { limits: { maxBytes: 50_000 } }],
    ['a CSV over the size limit', Buffer.from('a,b\n'), { limits: { maxBytes: 50_000 } }],
  ])('closes the uploaded stream after %s', async (_name, first, options) => {
    const upload = Readable.from(
      (function* endless() {
        yield first;
        for (;;) yield Buffer.alloc(1024, 0x61);
      })(),
    );
    await rejected((async () => readAll(await readSpreadsheet(upload, options)))());
    await new Promise((resolve) => setImmediate(resolve));
    expect(upload.destroyed).toBe(true);
  });
});

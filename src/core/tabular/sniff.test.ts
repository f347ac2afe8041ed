import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sniffSpreadsheet } from './sniff.js';
import { simpleXlsx, thrown } from './testing/files.js';

const bytes = (...values: number[]) => Buffer.from(values);

describe('sniffSpreadsheet', () => {
  it('recognises an XLSX by its ZIP signature, whatever the name', async () => {
    expect(sniffSpreadsheet(await simpleXlsx([['a']]))).toBe('xlsx');
  });

  const text: Array<[string, Buffer]> = [
    ['UTF-8 CSV', Buffer.from('name,email\nAda,ada@example.org\n')],
    ['semicolon CSV with accents', Buffer.from('Nom;Ville\nLéa;Bogotá\n')],
    ['Windows-1252 CSV', iconv.encode('Pays\nCôte d’Ivoire\n', 'windows-1252')],
    ['UTF-16 LE with BOM', iconv.encode('a\tb\n', 'utf-16le', { addBOM: true })],
    ['UTF-16 LE without BOM', iconv.encode('name\tcity\n', 'utf-16le')],
    ['a single header without newline', Buffer.from('email')],
  ];
  it.each(text)('reads %s as CSV', (_name, head) => {
    expect(sniffSpreadsheet(head)).toBe('csv');
  });

  const refused: Array<[string, Buffer, string]> = [
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'a PDF document'],
    ['an old .xls (OLE compound file)', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0), '.xls'],
    ['a PNG image', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'a PNG image'],
    ['a gzip archive', bytes(0x1f, 0x8b, 0x08, 0x00), 'a gzip archive'],
    ['random binary with NUL bytes', bytes(0x01, 0x00, 0x02, 0x03, 0x41, 0x00, 0x00, 0x07), 'a binary file'],
    [
      'an HTML page saved as .xls',
      Buffer.from('  <html><body><table><tr><td>1</td></tr></table>'),
      'HTML or XML',
    ],
    ['an XML Spreadsheet 2003', Buffer.from('<?xml version="1.0"?><Workbook>'), 'HTML or XML'],
  ];
  it.each(refused)('refuses %s with 415 unsupported file type', (_name, head, what) => {
    const error = thrown(() => sniffSpreadsheet(head));
    expect(error.code).toBe('unsupported_media_type');
    expect(error.status).toBe(415);
    expect(error.message).toMatch(/^Unsupported file type/);
    expect(error.message).toContain(what);
  });

  it('refuses an empty file as an invalid import', () => {
    expect(thrown(() => sniffSpreadsheet(Buffer.alloc(0))).code).toBe('import_invalid');
  });
});

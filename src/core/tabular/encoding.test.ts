import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { issueMessages, thrown } from './testing/files.js';
import { detectBom, guessUtf16WithoutBom, SpreadsheetTextDecoder, type TextEncoding } from './encoding.js';

function decodeInChunks(bytes: Buffer, size: number, forced?: TextEncoding) {
  const decoder = new SpreadsheetTextDecoder(forced);
  let text = '';
  for (let i = 0; i < bytes.length; i += size) text += decoder.write(bytes.subarray(i, i + size));
  text += decoder.end();
  return { text, encoding: decoder.encoding };
}

const SAMPLE = 'Pays,Ville\nCôte d’Ivoire,Abidjan\nColombia,Bogotá\n';
const BOM_UTF8 = Buffer.from([0xef, 0xbb, 0xbf]);

describe('SpreadsheetTextDecoder', () => {
  const cases: Array<{ name: string; bytes: Buffer; encoding: TextEncoding; text?: string }> = [
    {
      name: 'plain ASCII counts as UTF-8',
      bytes: Buffer.from('a,b\n1,2\n'),
      encoding: 'utf-8',
      text: 'a,b\n1,2\n',
    },
    { name: 'UTF-8 without BOM', bytes: Buffer.from(SAMPLE, 'utf8'), encoding: 'utf-8' },
    {
      name: 'UTF-8 with BOM, BOM removed',
      bytes: Buffer.concat([BOM_UTF8, Buffer.from(SAMPLE)]),
      encoding: 'utf-8',
    },
    {
      name: 'UTF-16 LE with BOM',
      bytes: iconv.encode(SAMPLE, 'utf-16le', { addBOM: true }),
      encoding: 'utf-16le',
    },
    {
      name: 'UTF-16 BE with BOM',
      bytes: iconv.encode(SAMPLE, 'utf-16be', { addBOM: true }),
      encoding: 'utf-16be',
    },
    {
      name: 'Windows-1252 (curly apostrophe 0x92, accents)',
      bytes: iconv.encode(SAMPLE, 'windows-1252'),
      encoding: 'windows-1252',
    },
    {
      name: 'Windows-1252 whose first accent comes after 100 KB of ASCII',
      bytes: iconv.encode(`${'name,city\n'.repeat(10_000)}Bogotá,x\n`, 'windows-1252'),
      encoding: 'windows-1252',
      text: `${'name,city\n'.repeat(10_000)}Bogotá,x\n`,
    },
    {
      name: 'Windows-1252 ending in a lone accented byte',
      bytes: iconv.encode('a\nCafé', 'windows-1252'),
      encoding: 'windows-1252',
      text: 'a\nCafé',
    },
  ];
  for (const { name, bytes, encoding, text } of cases) {
    for (const size of [1, 2, 3, 7, 64 * 1024]) {
      it(`decodes ${name} in chunks of ${size} bytes`, () => {
        const result = decodeInChunks(bytes, size);
        expect(result.encoding).toBe(encoding);
        expect(result.text).toBe(text ?? SAMPLE);
      });
    }
  }

  it('uses a forced encoding and still strips its BOM', () => {
    const bytes = iconv.encode(SAMPLE, 'utf-16le', { addBOM: true });
    expect(decodeInChunks(bytes, 5, 'utf-16le').text).toBe(SAMPLE);
  });

  it('refuses a file that is UTF-8 at first and then is not, with advice', () => {
    const bytes = Buffer.concat([Buffer.from('Bogotá\n', 'utf8'), iconv.encode('Bogotá\n', 'windows-1252')]);
    for (const size of [4, 1024]) {
      const error = thrown(() => decodeInChunks(bytes, size));
      expect(error.code).toBe('import_invalid');
      expect(issueMessages(error)[0]).toContain('up to byte 13');
      expect(issueMessages(error)[0]).toContain('Save it again from your spreadsheet as "CSV UTF-8"');
    }
  });

  it('refuses a UTF-8 file cut in the middle of a character', () => {
    const bytes = Buffer.from('Bogotá', 'utf8').subarray(0, 6);
    const decoder = new SpreadsheetTextDecoder('utf-8');
    decoder.write(bytes);
    expect(() => decoder.end()).toThrow(AppError);
  });
});

describe('detectBom and guessUtf16WithoutBom', () => {
  const cases: Array<
    [string, Buffer, ReturnType<typeof detectBom>, ReturnType<typeof guessUtf16WithoutBom>]
  > = [
    ['UTF-8 BOM', Buffer.from([0xef, 0xbb, 0xbf, 0x61]), { encoding: 'utf-8', length: 3 }, null],
    ['UTF-16 LE BOM', Buffer.from([0xff, 0xfe, 0x61, 0]), { encoding: 'utf-16le', length: 2 }, null],
    ['UTF-16 BE BOM', Buffer.from([0xfe, 0xff, 0, 0x61]), { encoding: 'utf-16be', length: 2 }, null],
    ['UTF-16 LE without BOM', iconv.encode('name,city\n', 'utf-16le'), null, 'utf-16le'],
    ['UTF-16 BE without BOM', iconv.encode('name,city\n', 'utf-16be'), null, 'utf-16be'],
    ['plain text', Buffer.from('name,city\n'), null, null],
    ['too short to tell', Buffer.from([0x61]), null, null],
  ];
  it.each(cases)('%s', (_name, head, bom, utf16) => {
    expect(detectBom(head)).toEqual(bom);
    expect(guessUtf16WithoutBom(head)).toBe(utf16);
  });
});

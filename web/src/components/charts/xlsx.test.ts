import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnLetters, crc32, sheetName, xlsxWorkbook, xmlText, type SheetData } from './xlsx';

async function readBack(sheets: SheetData[]) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsxWorkbook(sheets).buffer);
  return workbook.worksheets.map((sheet) => ({
    name: sheet.name,
    rows: sheet
      .getSheetValues()
      .slice(1)
      .map((row) => (Array.isArray(row) ? row.slice(1) : [])),
    headerBold: sheet.getCell('A1').font?.bold ?? false,
  }));
}

describe('xlsxWorkbook', () => {
  it('writes a workbook exceljs reads back with the same text and numbers', async () => {
    const [sheet] = await readBack([
      {
        name: 'Scores',
        columns: ['Office', 'Score', 'Band'],
        rows: [
          ['Kenya', 72.5, 'Fair'],
          ['Côte d’Ivoire & <Sahel>', 100, 'Healthy'],
        ],
      },
    ]);
    expect(sheet).toEqual({
      name: 'Scores',
      rows: [
        ['Office', 'Score', 'Band'],
        ['Kenya', 72.5, 'Fair'],
        ['Côte d’Ivoire & <Sahel>', 100, 'Healthy'],
      ],
      headerBold: true,
    });
  });

  it('leaves empty and null cells empty and keeps formula-like text as text', async () => {
    const [sheet] = await readBack([{ name: 'x', columns: ['a', 'b', 'c'], rows: [[null, '=1+1', 0]] }]);
    expect(sheet?.rows).toEqual([
      ['a', 'b', 'c'],
      [undefined, '=1+1', 0],
    ]);
  });

  it('writes several sheets, making their names valid and distinct', async () => {
    const sheets = await readBack([
      { name: 'Controls: passed/applicable', columns: ['x'], rows: [] },
      { name: 'Controls: passed/applicable', columns: ['y'], rows: [] },
      { name: '', columns: ['z'], rows: [] },
    ]);
    expect(sheets.map((sheet) => sheet.name)).toEqual([
      'Controls  passed applicable',
      'Controls  passed applicable (2)',
      'Sheet3',
    ]);
  });
});

describe('columnLetters', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
  });
});

describe('sheetName', () => {
  it.each([
    ['Trend', 'Trend'],
    ['a[b]c:d*e?f/g\\h', 'a b c d e f g h'],
    ['x'.repeat(40), 'x'.repeat(31)],
    ['  ', 'Fallback'],
  ])('%j becomes %j', (name, expected) => {
    expect(sheetName(name, 'Fallback')).toBe(expected);
  });
});

describe('xmlText', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlText('a < b & "c" > d\u0001\u0007\tz')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d\tz');
  });
});

describe('crc32', () => {
  it.each([
    ['', 0],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ])('of %j is the standard CRC-32', (text, expected) => {
    expect(crc32(new TextEncoder().encode(text))).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { cellText, dateText, isDateFormat } from './cell-text.js';

describe('isDateFormat', () => {
  it.each([
    ['yyyy-mm-dd', true],
    ['dd/mm/yyyy', true],
    ['[$-409]d-mmm-yy;@', true],
    ['h:mm', true],
    ['General', false],
    ['0.00', false],
    ['#,##0 "days"', false],
    [undefined, false],
  ])('%s → %s', (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });
});

describe('dateText', () => {
  it.each([
    [new Date(Date.UTC(2025, 0, 2)), '2025-01-02'],
    [new Date(Date.UTC(2025, 0, 2, 9, 5)), '2025-01-02 09:05'],
    [new Date(Date.UTC(2025, 0, 2, 9, 5, 7)), '2025-01-02 09:05:07'],
    // Excel serials carry float noise: 23:59:59.9996 is midnight of the next day.
    [new Date(Date.UTC(2025, 0, 2, 23, 59, 59, 999.6)), '2025-01-03'],
  ])('%s → %s', (date, text) => {
    expect(dateText(date)).toBe(text);
  });
});

describe('cellText', () => {
  it.each([
    [null, undefined, ''],
    ['text', undefined, 'text'],
    [12.5, undefined, '12.5'],
    [false, undefined, 'FALSE'],
    [{ error: '#REF!' }, undefined, '#REF!'],
    [{ formula: 'A1', result: 45747 }, 'yyyy-mm-dd', '2025-03-31'],
    [{ formula: 'A1', result: 1 / 3 }, undefined, '0.333333333333333'],
    [{ formula: 'A1' }, undefined, ''],
    [{ sharedFormula: 'A1', result: 'x' }, undefined, 'x'],
    [{ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'https://x' }, undefined, 'ab'],
  ] as const)('%o with format %s → %s', (value, format, text) => {
    expect(cellText(value as Parameters<typeof cellText>[0], format)).toBe(text);
  });
});

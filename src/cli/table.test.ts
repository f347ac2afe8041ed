import { describe, expect, it } from 'vitest';
import { formatFields, formatTable } from './table.js';

describe('formatTable', () => {
  it('pads each column to its widest cell, two spaces apart, without trailing spaces', () => {
    expect(
      formatTable(
        ['CODE', 'NAME', 'CITY'],
        [
          ['KE-NBO', 'Kenya', 'Nairobi'],
          ['HQ', 'Headquarters', null],
        ],
      ),
    ).toBe(
      ['CODE    NAME          CITY', 'KE-NBO  Kenya         Nairobi', 'HQ      Headquarters'].join('\n'),
    );
  });

  it('shows numbers and booleans as text and missing values as empty cells', () => {
    expect(formatTable(['A', 'B', 'C'], [[1, undefined, false]])).toBe('A  B  C\n1     false');
  });

  it('shows control characters (newlines, tabs, terminal escapes) as spaces so rows stay one line', () => {
    const table = formatTable(['NAME', 'X'], [['Evil\u001b[2J\nName\tTab', 'y']]);
    expect(table).toBe(`${'NAME'.padEnd(17)}  X\nEvil [2J Name Tab  y`);
    expect(table).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/); // eslint-disable-line no-control-regex
  });
});

describe('formatFields', () => {
  it('aligns the values after their labels', () => {
    expect(
      formatFields([
        ['Code', 'KE-NBO'],
        ['Department', null],
      ]),
    ).toBe('Code:        KE-NBO\nDepartment:');
  });
});

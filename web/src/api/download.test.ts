import { describe, expect, it } from 'vitest';
import { filenameFromDisposition } from './download';

describe('filenameFromDisposition', () => {
  it('reads a quoted file name', () => {
    expect(filenameFromDisposition('attachment; filename="people.xlsx"', 'x')).toBe('people.xlsx');
  });

  it('reads an unquoted file name', () => {
    expect(filenameFromDisposition('attachment; filename=offices.csv', 'x')).toBe('offices.csv');
  });

  it('prefers the UTF-8 file name when both are given', () => {
    const header = `attachment; filename="bureaux.csv"; filename*=UTF-8''r%C3%A9gions%20et%20bureaux.csv`;
    expect(filenameFromDisposition(header, 'x')).toBe('régions et bureaux.csv');
  });

  it('keeps only the last path part, so a name cannot point into another folder', () => {
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"', 'x')).toBe('passwd');
    expect(filenameFromDisposition('attachment; filename="C:\\\\temp\\\\a.csv"', 'x')).toBe('a.csv');
  });

  it('falls back when the header is missing, empty or unreadable', () => {
    expect(filenameFromDisposition(null, 'export.xlsx')).toBe('export.xlsx');
    expect(filenameFromDisposition('attachment', 'export.xlsx')).toBe('export.xlsx');
    expect(filenameFromDisposition('attachment; filename=""', 'export.xlsx')).toBe('export.xlsx');
    expect(filenameFromDisposition(`attachment; filename*=UTF-8''%E0%A4%A`, 'export.xlsx')).toBe(
      'export.xlsx',
    );
  });
});

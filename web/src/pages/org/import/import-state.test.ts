import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client';
import type { ImportResult } from '../../../api/org-import';
import { fileKey, readyToImport, refusedIssues, sortedIssues } from './import-state';

const file = { name: 'people.xlsx', size: 2048, lastModified: 1_700_000_000_000 };
const clean: ImportResult = { kind: 'people', dry_run: true, rows: 3, created: 2, updated: 1, issues: [] };

describe('fileKey', () => {
  it('is the same for the same file read as the same kind', () => {
    expect(fileKey('people', file)).toBe(fileKey('people', { ...file }));
  });

  it('differs when the kind, the name, the size or the modification time differs', () => {
    const key = fileKey('people', file);
    expect(fileKey('offices', file)).not.toBe(key);
    expect(fileKey('people', { ...file, name: 'people (2).xlsx' })).not.toBe(key);
    expect(fileKey('people', { ...file, size: 2049 })).not.toBe(key);
    expect(fileKey('people', { ...file, lastModified: file.lastModified + 1 })).not.toBe(key);
  });

  it('is null without a file', () => {
    expect(fileKey('people', null)).toBeNull();
  });
});

describe('readyToImport', () => {
  const key = fileKey('people', file);

  it('allows the import after a clean dry run of the same file', () => {
    expect(readyToImport({ key: key ?? '', result: clean }, key)).toBe(true);
  });

  it('refuses before any check', () => {
    expect(readyToImport(null, key)).toBe(false);
  });

  it('refuses when the check found problems', () => {
    const issues = [{ row: 2, column: 'email', message: 'not an e-mail address' }];
    expect(readyToImport({ key: key ?? '', result: { ...clean, issues } }, key)).toBe(false);
  });

  it('refuses when another file or kind is chosen since the check, or none', () => {
    expect(readyToImport({ key: key ?? '', result: clean }, fileKey('offices', file))).toBe(false);
    expect(readyToImport({ key: key ?? '', result: clean }, null)).toBe(false);
  });

  it('refuses on the answer of a real import, which is not a check', () => {
    expect(readyToImport({ key: key ?? '', result: { ...clean, dry_run: false } }, key)).toBe(false);
  });
});

describe('sortedIssues', () => {
  it('orders problems by row, file-wide problems first', () => {
    const issues = sortedIssues([
      { row: 7, column: 'office_code', message: 'unknown office' },
      { row: 2, column: 'email', message: 'missing' },
      { row: null, column: null, message: 'no header row' },
    ]);
    expect(issues.map((issue) => issue.row)).toEqual([null, 2, 7]);
  });

  it('keeps only entries with a message and normalises missing row or column', () => {
    expect(sortedIssues([{ message: 'empty file' }, { row: 3 }, 'text', null])).toEqual([
      { row: null, column: null, message: 'empty file' },
    ]);
    expect(sortedIssues('not a list')).toEqual([]);
  });
});

describe('refusedIssues', () => {
  it('reads the problems of a refused import', () => {
    const error = new ApiError(422, 'import_invalid', 'The file has 1 problem(s)', {
      issues: [{ row: 4, column: 'code', message: 'duplicate code' }],
    });
    expect(refusedIssues(error)).toEqual([{ row: 4, column: 'code', message: 'duplicate code' }]);
  });

  it('is null for any other failure', () => {
    expect(refusedIssues(new ApiError(403, 'forbidden', 'no'))).toBeNull();
    expect(refusedIssues(new Error('offline'))).toBeNull();
  });
});

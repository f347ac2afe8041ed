import { isApiError } from '../../../api/client';
import type { ImportIssue, ImportKind, ImportResult } from '../../../api/org-import';

/** What the import page decides without a browser: pure, so it is tested on its own. */

/** Identifies the file as picked (and the kind it is read as): a re-picked or edited file differs. */
export function fileKey(
  kind: ImportKind | 'assets' | 'risks',
  file: Pick<File, 'name' | 'size' | 'lastModified'> | null,
): string | null {
  return file ? JSON.stringify([kind, file.name, file.size, file.lastModified]) : null;
}

/** The last dry run and the file it checked. */
export interface CheckedFile {
  key: string;
  result: Pick<ImportResult, 'dry_run' | 'issues'>;
}

/** Import only the very file (and kind) whose dry run found nothing wrong. */
export function readyToImport(checked: CheckedFile | null, currentKey: string | null): boolean {
  return (
    checked !== null &&
    currentKey !== null &&
    checked.key === currentKey &&
    checked.result.dry_run &&
    checked.result.issues.length === 0
  );
}

function toIssue(raw: unknown): ImportIssue | null {
  if (raw === null || typeof raw !== 'object') return null;
  const { row, column, message } = raw as Record<string, unknown>;
  if (typeof message !== 'string') return null;
  return {
    row: typeof row === 'number' && Number.isFinite(row) ? row : null,
    column: typeof column === 'string' && column !== '' ? column : null,
    message,
  };
}

/** The problems listed in an answer, in file order (rows without a number first: they concern the file). */
export function sortedIssues(raw: unknown): ImportIssue[] {
  const issues = Array.isArray(raw) ? raw.map(toIssue).filter((issue) => issue !== null) : [];
  return issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/** The problems of a refused import (422 import_invalid), or null for any other failure. */
export function refusedIssues(error: unknown): ImportIssue[] | null {
  if (!isApiError(error, 'import_invalid')) return null;
  return sortedIssues((error.details as { issues?: unknown } | undefined)?.issues);
}

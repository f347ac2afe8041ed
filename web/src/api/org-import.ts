import { useMutation } from '@tanstack/react-query';
import { api } from './client';
import { downloadFile } from './download';
import { useInvalidate } from './mutations';

/**
 * Organisation import and export: `POST /api/org/import` takes one CSV or XLSX file (multipart part
 * `file`); a dry run reports the problems it would refuse, a real import applies all rows or none.
 */

export const IMPORT_KINDS = ['people', 'offices'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One problem in the file: its row (as a spreadsheet numbers it) and column, when known. */
export interface ImportIssue {
  row: number | null;
  column: string | null;
  message: string;
}

export interface ImportResult {
  kind: ImportKind;
  dry_run: boolean;
  rows: number;
  created: number;
  updated: number;
  issues: ImportIssue[];
}

export interface ImportRequest {
  kind: ImportKind;
  file: File;
  dryRun: boolean;
}

export function useImportFile() {
  // An import creates and changes offices (and so regions' lists), departments and people.
  const refresh = useInvalidate([['people'], ['offices'], ['departments'], ['regions']]);
  return useMutation({
    mutationFn: ({ kind, file, dryRun }: ImportRequest) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<ImportResult>('/api/org/import', { kind, dry_run: dryRun }, form);
    },
    onSuccess: (result) => (result.dry_run ? undefined : refresh()),
  });
}

export const downloadTemplate = (kind: ImportKind) =>
  downloadFile('/api/org/template', { kind }, `custos-${kind}-template.xlsx`);

export const downloadExport = (kind: ImportKind, format: ExportFormat) =>
  downloadFile('/api/org/export', { kind, format }, `custos-${kind}.${format}`);

import { useMutation } from '@tanstack/react-query';
import { api } from './client';
import { downloadFile } from './download';
import { useInvalidate } from './mutations';
import type { ImportIssue } from './org-import';

/**
 * Inventory import and export: `POST /api/assets/import` takes one CSV or XLSX file (multipart part
 * `file`); a dry run reports the problems it would refuse, a real import applies all rows or none.
 */

export type InventoryDownload = 'template' | 'xlsx' | 'csv' | 'dcat';

export interface InventoryImportResult {
  dry_run: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  issues: ImportIssue[];
}

export function useImportInventory() {
  const refresh = useInvalidate([['assets']]);
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<InventoryImportResult>('/api/assets/import', { dry_run: dryRun }, form);
    },
    onSuccess: (result) => (result.dry_run ? undefined : refresh()),
  });
}

const DOWNLOADS: Record<InventoryDownload, { path: string; name: string }> = {
  template: { path: '/api/assets/template.xlsx', name: 'custos-inventory-template.xlsx' },
  xlsx: { path: '/api/assets/export.xlsx', name: 'custos-inventory.xlsx' },
  csv: { path: '/api/assets/export.csv', name: 'custos-inventory.csv' },
  dcat: { path: '/api/assets/dcat.jsonld', name: 'custos-inventory.jsonld' },
};

export const downloadInventory = (which: InventoryDownload) =>
  downloadFile(DOWNLOADS[which].path, {}, DOWNLOADS[which].name);

import type { DisclosureReport } from '@server/modules/classification/disclosure-report';
import type {
  AccessCheckResult,
  LabelConfirm,
  ScanDataset,
  ScanDetail,
  ScanSummary,
} from '@server/modules/classification/sensitive-data.schema';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { useInvalidate } from './mutations';
import { useListPages } from './pages';

/* Sensitive data: scans (jobs), their datasets and label decisions, access checks, disclosure risk. */

const KEYS = [['scans'], ['assets'], ['actions']];

/** Scans newest first, page by page ("Load more"). */
export function useScanPages() {
  return useListPages<ScanSummary>('scans', '/api/scans', {});
}

export function useScan(id: string) {
  return useQuery({
    queryKey: ['scans', id],
    queryFn: () => api.get<ScanDetail>(`/api/scans/${encodeURIComponent(id)}`),
  });
}

export interface StartScan {
  files: File[];
  officeId: string | null;
  sample: number | null;
  full: boolean;
}

export function useStartScan() {
  const refresh = useInvalidate([['scans']]);
  return useMutation({
    mutationFn: ({ files, officeId, sample, full }: StartScan) => {
      const form = new FormData();
      for (const file of files) form.append('file', file, file.name);
      return api.upload<{ scan_id: string; job_id: string }>(
        '/api/scans',
        { office_id: officeId, sample: full ? undefined : sample, full: full || undefined },
        form,
      );
    },
    onSuccess: refresh,
  });
}

export function useConfirmLabel(scanId: string) {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: ({ position, input }: { position: number; input: LabelConfirm }) =>
      api.post<ScanDataset>(`/api/scans/${encodeURIComponent(scanId)}/datasets/${position}/label`, input),
    onSuccess: refresh,
  });
}

export function useAccessCheck() {
  const refresh = useInvalidate([['actions']]);
  return useMutation({
    mutationFn: ({ file, label, assetId }: { file: File; label: string | null; assetId: string | null }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<AccessCheckResult>('/api/access/check', { label, asset_id: assetId }, form);
    },
    onSuccess: (result) => (result.asset ? refresh() : undefined),
  });
}

export interface DisclosureChoice {
  qi: string[] | null;
  weight: string | null;
  sensitive: string[];
}

export function useDisclosure() {
  return useMutation({
    mutationFn: ({ file, choice }: { file: File; choice: DisclosureChoice }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<DisclosureReport>(
        '/api/disclosure',
        {
          qi: choice.qi?.join(','),
          weight: choice.weight,
          sensitive: choice.sensitive.length ? choice.sensitive.join(',') : undefined,
        },
        form,
      );
    },
  });
}

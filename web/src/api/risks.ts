import type {
  AcceptRisk,
  Risk,
  RiskCreate,
  RiskDetail,
  RiskListQuery,
  RiskSummary,
  RiskTreatment,
  RiskUpdate,
  TreatmentCreate,
  TreatmentUpdate,
} from '@server/modules/risks/risk.schema';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, type Page } from './client';
import { downloadFile } from './download';
import { useCreate, useInvalidate, useRemove, useUpdate } from './mutations';
import { useListPages } from './pages';
import type { ImportIssue } from './org-import';

const PATH = '/api/risks';
const KEYS = [['risks'], ['actions']];

/** The list's query as the address bar holds it (flags as 'true'). */
export type RiskFilters = Omit<RiskListQuery, 'overdue'> & { overdue?: 'true' };

export function useRiskPages(filters: RiskFilters) {
  return useListPages<Risk>('risks', PATH, filters);
}

const riskPath = (id: string) => `${PATH}/${encodeURIComponent(id)}`;

export function useRisk(id: string) {
  return useQuery({
    queryKey: ['risks', 'detail', id],
    queryFn: () => api.get<RiskDetail>(riskPath(id)),
    enabled: id !== '',
  });
}

export function useRiskSummary() {
  return useQuery({ queryKey: ['risks', 'summary'], queryFn: () => api.get<RiskSummary>(`${PATH}/summary`) });
}

export const useCreateRisk = () => useCreate<RiskCreate, Risk>(PATH, KEYS);
export const useUpdateRisk = () => useUpdate<Omit<RiskUpdate, 'version'>, Risk>(PATH, KEYS);
export const useRemoveRisk = () => useRemove(PATH, KEYS);

export function useAcceptRisk(id: string) {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: (input: AcceptRisk) => api.post<RiskDetail>(`${riskPath(id)}/accept`, input),
    onSuccess: refresh,
  });
}

export function useAddTreatment(riskId: string) {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: (input: TreatmentCreate) => api.post<RiskTreatment>(`${riskPath(riskId)}/treatments`, input),
    onSuccess: refresh,
  });
}

export function useUpdateTreatment(riskId: string) {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: TreatmentUpdate }) =>
      api.patch<RiskTreatment>(`${riskPath(riskId)}/treatments/${encodeURIComponent(id)}`, input),
    onSuccess: refresh,
  });
}

export function useRemoveTreatment(riskId: string) {
  return useRemove(`${riskPath(riskId)}/treatments`, KEYS);
}

export interface RiskImportResult {
  dry_run: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  issues: ImportIssue[];
}

export function useImportRisks() {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<RiskImportResult>(`${PATH}/import`, { dry_run: dryRun }, form);
    },
    onSuccess: (result) => (result.dry_run ? undefined : refresh()),
  });
}

export type RiskDownload = 'template' | 'xlsx' | 'csv';

const DOWNLOADS: Record<RiskDownload, { path: string; name: string }> = {
  template: { path: `${PATH}/template.xlsx`, name: 'custos-risks-template.xlsx' },
  xlsx: { path: `${PATH}/export.xlsx`, name: 'custos-risks.xlsx' },
  csv: { path: `${PATH}/export.csv`, name: 'custos-risks.csv' },
};

export const downloadRisks = (which: RiskDownload) =>
  downloadFile(DOWNLOADS[which].path, {}, DOWNLOADS[which].name);

/** Data assets and AI systems a risk may link to, as picker options (the API's largest page). */
export function useLinkOptions(which: 'assets' | 'ai-systems') {
  return useQuery({
    queryKey: [which, 'options'],
    queryFn: async () =>
      (
        await api.get<Page<{ id: string; name: string }>>(`/api/${which}`, { sort: 'name', limit: 500 })
      ).items.map((item) => ({ value: item.id, label: item.name })),
    staleTime: 60_000,
  });
}

/** Risks of the register in the reader's scope whose words match `q`, for a picker (the first 20 by title). */
export const searchRisks = async (q: string, filters: Pick<RiskListQuery, 'office_id'> = {}) =>
  (await api.get<Page<Risk>>(PATH, { q, ...filters, sort: 'title', limit: 20 })).items;

/** One risk of the register (its page's summary fields, without treatments). */
export const fetchRisk = (id: string) => api.get<Risk>(riskPath(id));

import type { z } from 'zod';
import type {
  AlertRun,
  AlertSettingsUpdate,
  AlertSettingsView,
  AppUpdate,
  CustomAppCreate,
  IngestResult,
  organisationAppSchema,
  UsageFile,
  UsageLang,
  UsageAlerts,
  UsageReport,
} from '@server/modules/ai-usage/usage.schema';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api, request, type Page } from './client';
import { downloadFile } from './download';
import { useCreate, useInvalidate } from './mutations';

/**
 * AI usage: the report over a period, log ingestion (multipart part `file`), the ingested files and
 * the organisation's AI app catalogue (`PUT` with the version read; a stale one answers 409).
 */

export type { AlertRun, AlertSettingsView, IngestResult, UsageAlerts, UsageFile, UsageReport };
export type UsageApp = z.infer<typeof organisationAppSchema>;

export interface UsageReportRequest {
  from: string;
  to: string;
  /** The shared view: fewer than 5 distinct users shown as "<5". */
  suppress: boolean;
  lang: UsageLang;
}

export function useUsageReport(query: UsageReportRequest) {
  return useQuery({
    queryKey: ['usage', 'report', query],
    queryFn: () => api.get<UsageReport>('/api/usage/report', { ...query }),
    placeholderData: keepPreviousData,
  });
}

/** The report as a workbook to share: small cells suppressed. */
export const downloadUsageReport = (query: UsageReportRequest) =>
  downloadFile(
    '/api/usage/report.xlsx',
    { from: query.from, to: query.to, lang: query.lang, suppress: true },
    `custos-ai-usage-${query.from}-${query.to}.xlsx`,
  );

export const USAGE_FILES_PAGE_SIZE = 50;

export function useUsageFiles() {
  return useInfiniteQuery({
    queryKey: ['usage', 'files'],
    queryFn: ({ pageParam }) =>
      api.get<Page<UsageFile>>('/api/usage/files', { limit: USAGE_FILES_PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useIngestUsageLog() {
  const refresh = useInvalidate([['usage']]);
  return useMutation({
    mutationFn: ({ file, format }: { file: File; format: string }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<IngestResult>('/api/usage/ingest', { format }, form);
    },
    onSuccess: refresh,
  });
}

export function useUsageApps() {
  return useQuery({
    queryKey: ['usage', 'apps'],
    queryFn: async () => (await api.get<{ items: UsageApp[] }>('/api/usage/apps')).items,
  });
}

export const fetchUsageApp = (id: string) => api.get<UsageApp>(`/api/usage/apps/${encodeURIComponent(id)}`);

export function useUpdateUsageApp() {
  const refresh = useInvalidate([['usage']]);
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: AppUpdate }) =>
      request<UsageApp>('PUT', `/api/usage/apps/${encodeURIComponent(id)}`, { body: input }),
    onSuccess: refresh,
  });
}

export const useCreateUsageApp = () => useCreate<CustomAppCreate, UsageApp>('/api/usage/apps', [['usage']]);

/* Alerts: those now true (suppressed in the shared view), their settings, and an evaluation now. */

export function useUsageAlerts(suppress: boolean) {
  return useQuery({
    queryKey: ['usage', 'alerts', suppress],
    queryFn: () => api.get<UsageAlerts>('/api/usage/alerts', { suppress }),
    placeholderData: keepPreviousData,
  });
}

/** The settings as a versioned record for the settings form (one record, its id fixed). */
export type AlertSettingsRecord = AlertSettingsView & { id: string };
export const ALERT_SETTINGS_RECORD_ID = 'usage_alerts';

export const fetchAlertSettings = async (): Promise<AlertSettingsRecord> => ({
  ...(await api.get<AlertSettingsView>('/api/usage/alert-settings')),
  id: ALERT_SETTINGS_RECORD_ID,
});

export function useUpdateAlertSettings() {
  const refresh = useInvalidate([['usage']]);
  return useMutation({
    mutationFn: async ({ input }: { id: string; input: AlertSettingsUpdate }) => ({
      ...(await request<AlertSettingsView>('PUT', '/api/usage/alert-settings', { body: input })),
      id: ALERT_SETTINGS_RECORD_ID,
    }),
    onSuccess: refresh,
  });
}

export function useEvaluateAlerts() {
  const refresh = useInvalidate([['usage'], ['actions']]);
  return useMutation({
    mutationFn: () => request<AlertRun>('POST', '/api/usage/alerts/evaluate'),
    onSuccess: refresh,
  });
}

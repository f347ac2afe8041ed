import type {
  AiClassification,
  AiSystem,
  AiSystemCreate,
  AiSystemListQuery,
  AiSystemSummary,
  AiSystemUpdate,
  ClassificationDraft,
  ClassificationUpdate,
  UsageAppChoice,
} from '@server/modules/ai-registry/ai-system.schema';
import type {
  AiReviewCheck,
  AiReviewSettings,
  AiReviewSettingsUpdate,
} from '@server/modules/ai-registry/ai-review.schema';
import type { AiDocument, AiDocumentKind } from '@server/modules/ai-registry/ai-documents.schema';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { useCreate, useInvalidate, useRemove, useUpdate } from './mutations';
import { useListPages } from './pages';

const PATH = '/api/ai-systems';
const KEYS = [['ai-systems']];

/** The list's query as the address bar holds it (flags as 'true'). */
export type AiSystemFilters = Omit<AiSystemListQuery, 'review_overdue' | 'no_dpia'> & {
  review_overdue?: 'true';
  no_dpia?: 'true';
};

export function useAiSystemPages(filters: AiSystemFilters) {
  return useListPages<AiSystem>('ai-systems', PATH, filters);
}

const systemPath = (id: string) => `${PATH}/${encodeURIComponent(id)}`;

export function useAiSystem(id: string) {
  return useQuery({
    queryKey: ['ai-systems', 'detail', id],
    queryFn: () => api.get<AiSystem>(systemPath(id)),
    enabled: id !== '',
  });
}

export function useAiSystemSummary() {
  return useQuery({
    queryKey: ['ai-systems', 'summary'],
    queryFn: () => api.get<AiSystemSummary>(`${PATH}/summary`),
  });
}

export const useCreateAiSystem = () => useCreate<AiSystemCreate, AiSystem>(PATH, KEYS);
export const useUpdateAiSystem = () => useUpdate<Omit<AiSystemUpdate, 'version'>, AiSystem>(PATH, KEYS);
export const useRemoveAiSystem = () => useRemove(PATH, KEYS);

/** The public register, opened in the browser (public fields of public, verified systems). */
export const PUBLIC_REGISTER_FORMATS = ['html', 'json', 'csv'] as const;
export const publicRegisterHref = (format: (typeof PUBLIC_REGISTER_FORMATS)[number]) =>
  `${PATH}/public.${format}`;

const classificationsPath = (systemId: string) => `${systemPath(systemId)}/classifications`;

/** A system's classifications, oldest first. */
export function useAiClassifications(systemId: string) {
  return useQuery({
    queryKey: ['ai-systems', 'classifications', systemId],
    queryFn: () => api.get<AiClassification[]>(classificationsPath(systemId)),
  });
}

export type ClassificationStep = 'submit' | 'start-review' | 'verify' | 'request-changes';

export type ClassificationChange =
  | { kind: 'create'; input: ClassificationDraft }
  | { kind: 'update'; number: number; input: ClassificationUpdate }
  | { kind: ClassificationStep; number: number; version: number; comments?: string };

/** Every write to a system's classifications; the system (tier, review date) is refetched too. */
export function useClassificationChange(systemId: string) {
  const refresh = useInvalidate(KEYS);
  const base = classificationsPath(systemId);
  return useMutation({
    mutationFn: (change: ClassificationChange) => {
      switch (change.kind) {
        case 'create':
          return api.post<AiClassification>(base, change.input);
        case 'update':
          return api.patch<AiClassification>(`${base}/${change.number}`, change.input);
        default: {
          const comments = change.comments?.trim() ? { comments: change.comments.trim() } : {};
          return api.post<AiClassification>(`${base}/${change.number}/${change.kind}`, {
            version: change.version,
            ...comments,
          });
        }
      }
    },
    onSuccess: refresh,
  });
}

/** The AI usage catalogue's apps a system may name (anyone reading the register may list them). */
export function useAiAppChoices() {
  return useQuery({
    queryKey: ['ai-systems', 'usage-apps'],
    queryFn: async () => (await api.get<{ items: UsageAppChoice[] }>(`${PATH}/usage-apps`)).items,
    staleTime: Infinity,
  });
}

const REVIEW_SETTINGS = `${PATH}/review-settings`;

export function useAiReviewSettings() {
  return useQuery({
    queryKey: ['ai-systems', 'review-settings'],
    queryFn: () => api.get<AiReviewSettings>(REVIEW_SETTINGS),
  });
}

/** Change the months between reviews (admins); a stale version answers 409. */
export function useUpdateAiReviewSettings() {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: (input: AiReviewSettingsUpdate) => api.put<AiReviewSettings>(REVIEW_SETTINGS, input),
    onSuccess: refresh,
  });
}

/** Turn overdue reviews into actions now (verifiers); the server also does it hourly. */
export function useAiReviewCheck() {
  const refresh = useInvalidate([...KEYS, ['actions']]);
  return useMutation({
    mutationFn: () => api.post<AiReviewCheck>(`${PATH}/reviews/check`),
    onSuccess: refresh,
  });
}

const documentsPath = (systemId: string) => `${systemPath(systemId)}/documents`;
/** Where a document downloads from (always as an attachment). */
export const aiDocumentPath = (systemId: string, sha256: string) => `${documentsPath(systemId)}/${sha256}`;

/** A system's documents (model card, vendor terms, evaluations, other), oldest first. */
export function useAiDocuments(systemId: string) {
  return useQuery({
    queryKey: ['ai-systems', 'documents', systemId],
    queryFn: () => api.get<AiDocument[]>(documentsPath(systemId)),
  });
}

export function useAttachAiDocument(systemId: string) {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: ({ kind, file }: { kind: AiDocumentKind; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<AiDocument>(documentsPath(systemId), { kind }, form);
    },
    onSuccess: refresh,
  });
}

export function useDetachAiDocument(systemId: string) {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: (attachmentId: string) =>
      api.delete(`${documentsPath(systemId)}/${encodeURIComponent(attachmentId)}`),
    onSuccess: refresh,
  });
}

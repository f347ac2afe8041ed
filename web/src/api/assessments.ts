import type { Attachment } from '@server/modules/files/files.schema';
import type {
  AnswersUpdate,
  AssessmentCreate,
  AssessmentDetail,
  AssessmentListQuery,
  AssessmentSummary,
  Finding,
  FindingCreate,
  FindingUpdate,
  TemplateDetail,
  TemplateSummary,
} from '@server/modules/assessments/assessments.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { useInvalidate } from './mutations';

const PATH = '/api/assessments';
const KEYS = [['assessments']];

const one = (id: string) => `${PATH}/${encodeURIComponent(id)}`;

export function useAssessmentTemplates() {
  return useQuery({
    queryKey: ['assessments', 'templates'],
    queryFn: async () => (await api.get<{ items: TemplateSummary[] }>('/api/assessment-templates')).items,
  });
}

/** An admin adds a template from a YAML or JSON file. */
export function useUploadTemplate() {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<TemplateDetail>('/api/assessment-templates/upload', {}, form);
    },
    onSuccess: refresh,
  });
}

export function useAssessments(filters: AssessmentListQuery) {
  return useQuery({
    queryKey: ['assessments', 'list', filters],
    queryFn: async () => (await api.get<{ items: AssessmentSummary[] }>(PATH, { ...filters })).items,
  });
}

/** The assessment now, or as completed in `revision`. */
export function useAssessment(id: string, revision: number | null = null) {
  return useQuery({
    queryKey: ['assessments', 'detail', id, revision],
    queryFn: () => api.get<AssessmentDetail>(revision ? `${one(id)}/versions/${revision}` : one(id)),
  });
}

/** Writes that answer the whole assessment put it straight into the cache (autosave keeps its version). */
function useAssessmentWrite<V>(call: (variables: V) => Promise<AssessmentDetail>) {
  const queryClient = useQueryClient();
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: call,
    onSuccess: async (detail) => {
      queryClient.setQueryData(['assessments', 'detail', detail.id, null], detail);
      await refresh();
    },
  });
}

export function useStartAssessment() {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: (input: AssessmentCreate) => api.post<AssessmentDetail>(PATH, input),
    onSuccess: refresh,
  });
}

export function useSaveAnswers(id: string) {
  return useAssessmentWrite((input: AnswersUpdate) => api.put<AssessmentDetail>(`${one(id)}/answers`, input));
}

export function useChangeAssessment(id: string) {
  return useAssessmentWrite((input: { version: number; status?: 'draft' | 'in_review'; title?: string }) =>
    api.patch<AssessmentDetail>(one(id), input),
  );
}

export function useCompleteAssessment(id: string) {
  return useAssessmentWrite((version: number) =>
    api.post<AssessmentDetail>(`${one(id)}/complete`, { version }),
  );
}

export function useReopenAssessment(id: string) {
  return useAssessmentWrite((version: number) =>
    api.post<AssessmentDetail>(`${one(id)}/reopen`, { version }),
  );
}

export function useUploadEvidence(id: string) {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: ({ questionId, file }: { questionId: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<Attachment>(`${one(id)}/evidence`, { question_id: questionId }, form);
    },
    onSuccess: refresh,
  });
}

export function useRemoveEvidence(id: string) {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: (attachmentId: string) =>
      api.delete(`${one(id)}/evidence/${encodeURIComponent(attachmentId)}`),
    onSuccess: refresh,
  });
}

export function useAddFinding(id: string) {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: (input: FindingCreate) => api.post<Finding>(`${one(id)}/findings`, input),
    onSuccess: refresh,
  });
}

export function useUpdateFinding(id: string) {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: ({ findingId, input }: { findingId: string; input: FindingUpdate }) =>
      api.patch<Finding>(`${one(id)}/findings/${encodeURIComponent(findingId)}`, input),
    onSuccess: refresh,
  });
}

export function useRemoveFinding(id: string) {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: ({ findingId, version }: { findingId: string; version: number }) =>
      api.delete(`${one(id)}/findings/${encodeURIComponent(findingId)}`, { version }),
    onSuccess: refresh,
  });
}

export function useOpenRisk(id: string) {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: ({ findingId, version }: { findingId: string; version: number }) =>
      api.post<Finding>(`${one(id)}/findings/${encodeURIComponent(findingId)}/open-risk`, { version }),
    onSuccess: refresh,
  });
}

export const evidencePath = (id: string, sha256: string) => `${one(id)}/evidence/${sha256}`;
export const exportPath = (id: string, format: 'docx' | 'pdf') => `${one(id)}/export.${format}`;

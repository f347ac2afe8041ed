import type {
  AssessedRequirement,
  Assessment,
  AssessmentCreate,
  AssessmentDetail,
  AssessmentListItem,
  AssessmentListQuery,
  AssessmentUpdate,
  RequirementUpdate,
} from '@server/modules/compliance/compliance.schema';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { api } from './client';
import { downloadFile } from './download';
import { useCreate, useInvalidate, useRemove, useUpdate } from './mutations';
import { useListPages } from './pages';

const PATH = '/api/compliance-assessments';
// A change to an assessment or one of its requirements shows in the list, the page and the progress.
const KEYS = [['compliance']];

/** Assessments newest first, page by page ("Load more"). */
export function useAssessmentPages(filters: AssessmentListQuery = {}) {
  return useListPages<AssessmentListItem>('compliance', PATH, filters);
}

/** An assessment with every requirement and its progress, theme labels in the interface language. */
export function useAssessment(id: string) {
  useTranslation(); // re-render, and so re-key the query, when the language changes
  const lang = currentLanguage();
  return useQuery({
    queryKey: ['compliance', 'detail', id, lang],
    queryFn: () => api.get<AssessmentDetail>(`${PATH}/${encodeURIComponent(id)}`, { lang }),
  });
}

export const useCreateAssessment = () => useCreate<AssessmentCreate, Assessment>(PATH, KEYS);
export const useUpdateAssessment = () => useUpdate<Omit<AssessmentUpdate, 'version'>, Assessment>(PATH, KEYS);
export const useRemoveAssessment = () => useRemove(PATH, KEYS);

export function useSetRequirement(assessmentId: string) {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: ({ requirementId, input }: { requirementId: string; input: RequirementUpdate }) =>
      api.put<AssessedRequirement>(requirementPath(assessmentId, requirementId), input),
    onSuccess: refresh,
  });
}

/** Upload a file as evidence for a requirement: it joins the requirement's evidence as a file link. */
export function useUploadRequirementEvidence(assessmentId: string) {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: ({ requirementId, file }: { requirementId: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<AssessedRequirement>(
        `${requirementPath(assessmentId, requirementId)}/evidence`,
        {},
        form,
      );
    },
    onSuccess: refresh,
  });
}

const requirementPath = (assessmentId: string, requirementId: string) =>
  `${PATH}/${encodeURIComponent(assessmentId)}/requirements/${encodeURIComponent(requirementId)}`;

/** Where an evidence file of a requirement downloads from. */
export const requirementEvidencePath = (assessmentId: string, requirementId: string, sha256: string) =>
  `${requirementPath(assessmentId, requirementId)}/evidence/${sha256}`;

export const downloadAssessment = (id: string) =>
  downloadFile(`${PATH}/${encodeURIComponent(id)}/export.xlsx`, {}, 'compliance.xlsx');

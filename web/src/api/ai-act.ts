import type {
  Classification,
  ClassifyInput,
  QuestionsResponse,
  SuggestInput,
  Suggestions,
} from '@server/modules/ai-registry/ai-act.schema';
import type { AiActLang } from '@server/modules/ai-registry/ai-act.ids';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from './client';

export type AiActQuestions = QuestionsResponse;
export type AiActQuestion = QuestionsResponse['questions'][number];

/** The EU AI Act questionnaire in one language; ids and branching are the same in every language. */
export function useAiActQuestions(lang: AiActLang) {
  return useQuery({
    queryKey: ['ai-act', 'questions', lang],
    queryFn: () => api.get<QuestionsResponse>('/api/ai-act/questions', { lang }),
    // The questionnaire ships with the server: it only changes with a new release.
    staleTime: Infinity,
    // Switching language keeps the questions on screen until the translation arrives.
    placeholderData: keepPreviousData,
  });
}

/**
 * The classification of a set of answers; nothing is stored, so it is read like a query. `null` while
 * the answers are not ready (no role chosen yet).
 */
export function useAiActClassification(input: ClassifyInput | null) {
  return useQuery({
    queryKey: ['ai-act', 'classify', input],
    queryFn: () => api.post<Classification>('/api/ai-act/classify', input),
    enabled: input !== null,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

export function useSuggestAnswers() {
  return useMutation({
    mutationFn: (input: SuggestInput) => api.post<Suggestions>('/api/ai-act/suggest', input),
  });
}

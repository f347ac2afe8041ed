import type { AssessmentDetail } from '@server/modules/assessments/assessments.schema';
import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useSaveAnswers } from '../../api/assessments';

type Value = string | number | null;

/**
 * Save answers as the reader gives them: one request at a time, changes made meanwhile sent with
 * the next one, each with the version last read or saved (a stale version shows the 409).
 */
export function useAutosave(detail: AssessmentDetail) {
  const queryClient = useQueryClient();
  const save = useSaveAnswers(detail.id);
  const pending = useRef<Record<string, Value>>({});
  const running = useRef(false);

  const flush = async (): Promise<void> => {
    if (running.current || Object.keys(pending.current).length === 0) return;
    running.current = true;
    const answers = pending.current;
    pending.current = {};
    // The cache holds the latest version: every save puts its answer there.
    const current = queryClient.getQueryData<AssessmentDetail>(['assessments', 'detail', detail.id, null]);
    try {
      await save.mutateAsync({ version: current?.version ?? detail.version, answers });
    } catch {
      pending.current = { ...answers, ...pending.current };
      return;
    } finally {
      running.current = false;
    }
    await flush();
  };

  return {
    change: (questionId: string, value: Value) => {
      pending.current = { ...pending.current, [questionId]: value };
      void flush();
    },
    saving: save.isPending,
    error: save.error,
    saved: save.isSuccess && !save.isPending,
  };
}

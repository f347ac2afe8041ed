import type { AssessmentDetail } from '@server/modules/assessments/assessments.schema';
import { useRef } from 'react';
import { useSaveAnswers } from '../../api/assessments';

type Value = string | number | null;

/**
 * Save answers as the reader gives them: one request at a time, changes made meanwhile sent with
 * the next one, each with the version the last save answered (a stale version shows the 409).
 */
export function useAutosave(detail: AssessmentDetail) {
  const save = useSaveAnswers(detail.id);
  const pending = useRef<Record<string, Value>>({});
  const version = useRef(detail.version);
  const running = useRef(false);
  if (!running.current) version.current = detail.version;

  const flush = async (): Promise<void> => {
    if (running.current || Object.keys(pending.current).length === 0) return;
    running.current = true;
    const answers = pending.current;
    pending.current = {};
    try {
      const saved = await save.mutateAsync({ version: version.current, answers });
      version.current = saved.version;
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

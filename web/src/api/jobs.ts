import { FINISHED_STATUSES, type Job } from '@server/modules/jobs/jobs.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** A job has finished (succeeded, failed or cancelled): it will not change any more. */
export const jobFinished = (job: Job | undefined) =>
  job !== undefined && FINISHED_STATUSES.includes(job.status);

/** A background job, polled every second until it has finished; nothing while `id` is empty. */
export function useJob(id: string | null | undefined, intervalMs = 1000) {
  return useQuery({
    queryKey: ['jobs', id],
    queryFn: () => api.get<Job>(`/api/jobs/${encodeURIComponent(id!)}`),
    enabled: Boolean(id),
    refetchInterval: (query) => (jobFinished(query.state.data) ? false : intervalMs),
  });
}

export function useCancelJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Job>(`/api/jobs/${encodeURIComponent(id)}/cancel`),
    onSuccess: (job) => queryClient.setQueryData(['jobs', job.id], job),
  });
}

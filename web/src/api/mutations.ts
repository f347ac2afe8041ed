import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api } from './client';

/**
 * Write hooks shared by every resource: after a change the resource's queries and the audit
 * history are refetched, so lists, details and "History" tabs show the new state.
 */
export function useInvalidate(keys: QueryKey[]) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([...keys, ['audit']].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useCreate<Input, Output>(path: string, invalidate: QueryKey[]) {
  const refresh = useInvalidate(invalidate);
  return useMutation({
    mutationFn: (input: Input) => api.post<Output>(path, input),
    onSuccess: refresh,
  });
}

export interface UpdateVariables<Input> {
  id: string;
  input: Input & { version: number };
}

export function useUpdate<Input, Output>(path: string, invalidate: QueryKey[]) {
  const refresh = useInvalidate(invalidate);
  return useMutation({
    mutationFn: ({ id, input }: UpdateVariables<Input>) =>
      api.patch<Output>(`${path}/${encodeURIComponent(id)}`, input),
    onSuccess: refresh,
  });
}

export interface DeleteVariables {
  id: string;
  version: number;
}

export function useRemove(path: string, invalidate: QueryKey[]) {
  const refresh = useInvalidate(invalidate);
  return useMutation({
    mutationFn: ({ id, version }: DeleteVariables) =>
      api.delete(`${path}/${encodeURIComponent(id)}`, { version }),
    onSuccess: refresh,
  });
}

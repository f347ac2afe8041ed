import type { ApiToken, ApiTokenCreate, ApiTokenCreated } from '@server/modules/accounts/token.schema';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { useCreate, useInvalidate } from './mutations';

const PATH = '/api/tokens';
const KEYS = [['tokens']];

/** The signed-in user's own API tokens, newest first as the server lists them. */
export function useMyTokens() {
  return useQuery({
    queryKey: ['tokens', 'mine'],
    queryFn: async () => (await api.get<{ items: ApiToken[] }>(PATH)).items,
  });
}

export const useCreateToken = () => useCreate<ApiTokenCreate, ApiTokenCreated>(PATH, KEYS);

export function useRevokeToken() {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: (id: string) => api.delete(`${PATH}/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
}

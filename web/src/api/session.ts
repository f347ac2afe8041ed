import type { meSchema } from '@server/modules/accounts/accounts.schema';
import type { Permission } from '@server/core/permissions';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, isApiError, setCsrfToken } from './client';

export type Me = z.infer<typeof meSchema>;
export const ME_KEY = ['me'] as const;

/** The signed-in user, or null when signed out (401). */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await api.get<Me>('/api/me');
        setCsrfToken(me.csrf_token);
        return me;
      } catch (error) {
        if (isApiError(error, 'unauthenticated')) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** Does the signed-in user hold this permission? */
export function useCan(): (permission: Permission) => boolean {
  const { data } = useMe();
  const granted = new Set(data?.permissions ?? []);
  return (permission) => granted.has(permission);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api.post<Me>('/api/auth/login', input),
    onSuccess: (me) => {
      setCsrfToken(me.csrf_token);
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    // Signed out locally even when the server call failed (an expired session, say).
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
    },
  });
}

export interface AuthProviders {
  oidc: { label: string } | null;
}

/** Sign-in options besides e-mail and password; a server without the endpoint offers none. */
export function useAuthProviders() {
  return useQuery({
    queryKey: ['auth-providers'],
    queryFn: async (): Promise<AuthProviders> => {
      try {
        return await api.get<AuthProviders>('/api/auth/providers');
      } catch (error) {
        if (isApiError(error, 'not_found')) return { oidc: null };
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

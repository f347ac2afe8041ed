import type {
  meSchema,
  PasswordChange,
  providersSchema,
  User,
} from '@server/modules/accounts/accounts.schema';
import type { Permission } from '@server/core/permissions';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, isApiError, setCsrfToken } from './client';

export type Me = z.infer<typeof meSchema>;
export const ME_KEY = ['me'] as const;

/**
 * The signed-in user, or null when signed out. Asked of `GET /api/auth/session`, which answers 200
 * with null when nobody is signed in: no failed request (and no console error) before sign-in.
 */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      const me = await api.get<Me | null>('/api/auth/session');
      setCsrfToken(me?.csrf_token ?? null);
      return me;
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

/**
 * The signed-in user changes their own password. The session stays open (the server ends only the
 * others) and no longer has to change it, so the app opens where the reader was going.
 */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PasswordChange) => api.post<User>('/api/auth/password', input),
    onSuccess: (user) => {
      queryClient.setQueryData<Me | null>(ME_KEY, (me) => (me ? { ...me, user } : me));
      return queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
    },
  });
}

export type AuthProviders = z.infer<typeof providersSchema>;

const PASSWORD_ONLY: AuthProviders = {
  password: true,
  oidc: { enabled: false, label: null, login_url: null },
};

/** Sign-in options besides e-mail and password; a server without the endpoint offers none. */
export function useAuthProviders() {
  return useQuery({
    queryKey: ['auth-providers'],
    queryFn: async (): Promise<AuthProviders> => {
      try {
        return await api.get<AuthProviders>('/api/auth/providers');
      } catch (error) {
        if (isApiError(error, 'not_found')) return PASSWORD_ONLY;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

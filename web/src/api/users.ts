import type {
  passwordResetSchema,
  User,
  UserCreate,
  userCreatedSchema,
  UserListQuery,
  UserUpdate,
} from '@server/modules/accounts/accounts.schema';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './client';
import { useListPages } from './pages';
import { useCreate, useInvalidate, useUpdate } from './mutations';

const PATH = '/api/users';
const KEYS = [['users']];

export type UserFilters = Pick<UserListQuery, 'q' | 'role' | 'disabled'>;
export type UserCreated = z.infer<typeof userCreatedSchema>;
export type PasswordReset = z.infer<typeof passwordResetSchema>;

/** User accounts by e-mail, page by page. */
export function useUserPages(filters: UserFilters) {
  return useListPages<User>('users', PATH, filters);
}

/** The account as the server has it now (after a version conflict). */
export const fetchUser = (id: string) => api.get<User>(`${PATH}/${encodeURIComponent(id)}`);

export const useCreateUser = () => useCreate<UserCreate, UserCreated>(PATH, KEYS);
export const useUpdateUser = () => useUpdate<Omit<UserUpdate, 'version'>, User>(PATH, KEYS);

/** A new one-time password for the user, returned once. */
export function useResetPassword() {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: (id: string) => api.post<PasswordReset>(`${PATH}/${encodeURIComponent(id)}/reset-password`),
    onSuccess: refresh,
  });
}

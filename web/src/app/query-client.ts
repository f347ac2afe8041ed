import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError, setCsrfToken } from '../api/client';
import { ME_KEY } from '../api/session';

/**
 * One client for the app. A 401 anywhere means the session ended (expired, signed out in another
 * tab): forget the user so the sign-in page shows. "Change your password first" (a reset done
 * meanwhile) reloads the user, which shows the password page. Client errors are not retried; they
 * would only fail again.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: sessionChanged }),
    mutationCache: new MutationCache({ onError: sessionChanged }),
    defaultOptions: {
      queries: {
        retry: (failures, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  function sessionChanged(error: unknown): void {
    if (isApiError(error, 'unauthenticated')) {
      setCsrfToken(null);
      client.setQueryData(ME_KEY, null);
    } else if (isApiError(error, 'password_change_required')) {
      void client.invalidateQueries({ queryKey: ME_KEY });
    }
  }
  return client;
}

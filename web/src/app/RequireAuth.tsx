import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { ChangePasswordPage } from '../pages/auth/ChangePasswordPage';
import { AppLayout } from './AppLayout';

/**
 * Pages behind sign-in: a signed-out visitor goes to the sign-in page and comes back after; an
 * account that must change its password does so first, then sees the page it asked for.
 */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (me.data.user.must_change_password) return <ChangePasswordPage me={me.data} />;
  return (
    <AppLayout me={me.data}>
      <Outlet />
    </AppLayout>
  );
}

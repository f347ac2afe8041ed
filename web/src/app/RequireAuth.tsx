import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { AppLayout } from './AppLayout';

/** Pages behind sign-in: a signed-out visitor goes to the sign-in page and comes back after. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return (
    <AppLayout me={me.data}>
      <Outlet />
    </AppLayout>
  );
}

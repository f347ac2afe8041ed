const HOME = '/offices';

/**
 * Where to go after sign-in: only a path inside this app, so a crafted link cannot send the reader
 * to another site (`//host`, `/\host` are other hosts to a browser) or back to the sign-in page.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return HOME;
  const path = next.split(/[?#]/)[0] ?? '';
  if (path === '/sign-in' || path === '/login') return HOME;
  return next;
}

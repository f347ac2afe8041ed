import { Button, Divider, PasswordInput, Stack, TextInput } from '@mantine/core';
import { loginSchema } from '@server/modules/accounts/accounts.schema';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuthProviders, useLogin, useMe } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormState } from '../../components/form/use-form-state';
import { Loading } from '../../components/Loading';
import { AuthFrame } from './AuthFrame';
import { safeNext } from './safe-next';
import { SignInError } from './SignInError';

function OidcButton() {
  const { t } = useTranslation();
  const providers = useAuthProviders();
  const oidc = providers.data?.oidc;
  if (!oidc?.enabled) return null;
  return (
    <>
      <Divider label={t('signIn.or')} labelPosition="center" />
      <Button component="a" href={oidc.login_url ?? '/api/auth/oidc/login'} variant="default" fullWidth>
        {oidc.label ? t('signIn.withProvider', { provider: oidc.label }) : t('signIn.withSso')}
      </Button>
    </>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const form = useFormState(() => ({ email: '', password: '' }));
  const next = safeNext(params.get('next'));

  if (me.isPending) return <Loading />;
  if (me.data) return <Navigate to={next} replace />;

  const submit = () => {
    const input = form.check(loginSchema, form.values);
    if (!input) return;
    login.mutate(input, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: (error) => form.fail(error),
    });
  };

  return (
    <AuthFrame title={t('signIn.title')}>
      {me.isError && <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />}
      <SignInError queryError={params.get('error')} apiError={form.general} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <TextInput
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            required
            {...form.text('email')}
          />
          <PasswordInput
            label={t('signIn.password')}
            autoComplete="current-password"
            required
            {...form.text('password')}
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
          />
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
      <OidcButton />
    </AuthFrame>
  );
}

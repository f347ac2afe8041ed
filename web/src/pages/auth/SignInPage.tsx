import {
  Button,
  Center,
  Divider,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { loginSchema } from '@server/modules/accounts/accounts.schema';
import { IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuthProviders, useLogin, useMe } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormState } from '../../components/form/use-form-state';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Loading } from '../../components/Loading';
import { SignInError } from './SignInError';

/** Only paths inside this app, so a crafted link cannot send the reader elsewhere after sign-in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in')
    ? next
    : '/offices';
}

function OidcButton() {
  const { t } = useTranslation();
  const providers = useAuthProviders();
  const oidc = providers.data?.oidc;
  if (!oidc) return null;
  return (
    <>
      <Divider label={t('signIn.or')} labelPosition="center" />
      <Button component="a" href="/api/auth/oidc/login" variant="default" fullWidth>
        {t('signIn.withProvider', { provider: oidc.label })}
      </Button>
    </>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('signIn.title')} · ${t('app.name')}`);
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
    <>
      <header>
        <Group justify="flex-end" p="sm">
          <LanguageSwitch />
        </Group>
      </header>
      <Center component="main" id="main" px="md" py="xl">
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
          <Stack>
            <Group gap="xs" justify="center">
              <IconShieldLock size={32} aria-hidden />
              <Text fw={700} size="xl">
                {t('app.name')}
              </Text>
            </Group>
            <Title order={1} size="h3" ta="center">
              {t('signIn.title')}
            </Title>
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
                  value={form.values.email}
                  error={form.errors.email}
                  onChange={(event) => form.set('email', event.currentTarget.value)}
                />
                <PasswordInput
                  label={t('signIn.password')}
                  autoComplete="current-password"
                  required
                  value={form.values.password}
                  error={form.errors.password}
                  onChange={(event) => form.set('password', event.currentTarget.value)}
                  visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
                />
                <Button type="submit" loading={login.isPending} fullWidth>
                  {t('signIn.submit')}
                </Button>
              </Stack>
            </form>
            <OidcButton />
          </Stack>
        </Paper>
      </Center>
    </>
  );
}

import { Button, PasswordInput, Stack, Text } from '@mantine/core';
import { passwordChangeSchema } from '@server/modules/accounts/accounts.schema';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useChangePassword, useLogout, type Me } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormState } from '../../components/form/use-form-state';
import { notifySuccess } from '../../components/notify';
import { AuthFrame } from './AuthFrame';

const EMPTY = { current_password: '', new_password: '', confirm: '' };

/**
 * Shown instead of the app while the account must change its password (a generated first password,
 * or one an administrator reset): the API refuses everything else until it is done.
 */
export function ChangePasswordPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const change = useChangePassword();
  const logout = useLogout();
  const form = useFormState(() => EMPTY);
  const toggle = { 'aria-label': t('signIn.showPassword') };

  const submit = () => {
    const { confirm, ...payload } = form.values;
    const input = form.check(passwordChangeSchema, payload);
    const matches = confirm === payload.new_password;
    if (!matches) form.setError('confirm', t('passwordChange.mismatch'));
    if (!input || !matches) return;
    change.mutate(input, {
      onSuccess: () => notifySuccess(t('passwordChange.done')),
      onError: form.failWith({
        current_password: t('passwordChange.wrongCurrent'),
        new_password: t('passwordChange.sameAsCurrent'),
      }),
    });
  };
  const signOut = () =>
    logout.mutate(undefined, { onSettled: () => void navigate('/sign-in', { replace: true }) });

  return (
    <AuthFrame title={t('passwordChange.title')}>
      <Text size="sm">{t('passwordChange.intro', { email: me.user.email })}</Text>
      {form.general !== null && <ErrorAlert error={form.general} />}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          {/* For password managers: the account whose password changes. */}
          <input type="email" name="username" autoComplete="username" value={me.user.email} hidden readOnly />
          <PasswordInput
            label={t('passwordChange.current')}
            autoComplete="current-password"
            required
            data-autofocus
            {...form.text('current_password')}
            visibilityToggleButtonProps={toggle}
          />
          <PasswordInput
            label={t('passwordChange.new')}
            description={t('passwordChange.newHint')}
            autoComplete="new-password"
            required
            {...form.text('new_password')}
            visibilityToggleButtonProps={toggle}
          />
          <PasswordInput
            label={t('passwordChange.confirm')}
            autoComplete="new-password"
            required
            {...form.text('confirm')}
            visibilityToggleButtonProps={toggle}
          />
          <Button type="submit" loading={change.isPending} fullWidth>
            {t('passwordChange.submit')}
          </Button>
          <Button variant="subtle" color="gray" onClick={signOut} loading={logout.isPending}>
            {t('userMenu.signOut')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}

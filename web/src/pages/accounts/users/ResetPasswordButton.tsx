import { Button, Group, Modal, Stack } from '@mantine/core';
import type { User } from '@server/modules/accounts/accounts.schema';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResetPassword, type PasswordReset } from '../../../api/users';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { OneTimeSecret } from '../../../components/OneTimeSecret';

/** Ask, reset, then show the new one-time password once. */
export function ResetPasswordButton({ user }: { user: User }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const [result, setResult] = useState<PasswordReset | null>(null);
  const name = user.display_name;
  const close = () => setResult(null);
  return (
    <>
      <ConfirmButton
        compact
        color="orange"
        icon={<IconKey size={16} aria-hidden />}
        label={t('users.resetNamed', { name })}
        title={t('users.resetTitle', { name })}
        message={t('users.resetConfirm', { name })}
        confirmLabel={t('users.resetPassword')}
        onConfirm={async () => setResult(await reset.mutateAsync(user.id))}
      />
      <Modal
        opened={result !== null}
        onClose={close}
        title={t('users.resetDoneTitle', { name })}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {result && (
          <Stack>
            <OneTimeSecret
              label={t('users.oneTimePassword')}
              value={result.password}
              warning={t('users.resetDoneBody', { email: result.user.email })}
            />
            <Group justify="flex-end">
              <Button onClick={close}>{t('users.done')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}

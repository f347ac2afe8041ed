import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

interface SignInErrorProps {
  /** `?error=<code>` set by the server when a single sign-on attempt failed. */
  queryError: string | null;
  apiError: unknown;
}

export function SignInError({ queryError, apiError }: SignInErrorProps) {
  const { t, i18n } = useTranslation();
  if (apiError !== null && apiError !== undefined) return <ErrorAlert error={apiError} />;
  if (!queryError) return null;
  if (i18n.exists(`errors.${queryError}`)) return <ErrorAlert error={new ApiError(0, queryError, '')} />;
  return (
    <Alert color="red" title={t('common.errorTitle')} icon={<IconAlertCircle aria-hidden />} role="alert">
      {t('signIn.ssoFailed')}
    </Alert>
  );
}

import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../i18n/error-message';

interface ErrorAlertProps {
  error: unknown;
  /** Offered as a button: "Try again" for failed reads, "Reload" after a version conflict. */
  onRetry?: () => void;
}

/** A failure explained in the reader's language; a version conflict always offers a reload. */
export function ErrorAlert({ error, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const stale = isApiError(error, 'version_conflict');
  return (
    <Alert
      color={stale ? 'orange' : 'red'}
      title={stale ? t('errorHints.versionConflictTitle') : t('common.errorTitle')}
      icon={<IconAlertCircle aria-hidden />}
      role="alert"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color={stale ? 'orange' : 'red'} onClick={onRetry}>
            {stale ? t('common.reload') : t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

import { ActionIcon, Alert, Stack, TextInput, Tooltip } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface OneTimeSecretProps {
  /** What the secret is ("One-time password", "Your new token"). */
  label: string;
  value: string;
  /** Why it must be copied now: it is never shown again. */
  warning: string;
}

/** A secret shown once: read-only, selected on focus, with a copy button and a warning. */
export function OneTimeSecret({ label, value, warning }: OneTimeSecretProps) {
  const { t } = useTranslation();
  const clipboard = useClipboard({ timeout: 2000 });
  const copyLabel = clipboard.copied ? t('secret.copied') : t('secret.copy');
  return (
    <Stack gap="sm">
      <Alert color="yellow" title={t('secret.onceTitle')} icon={<IconAlertTriangle aria-hidden />}>
        {warning}
      </Alert>
      <TextInput
        label={label}
        value={value}
        readOnly
        data-autofocus
        spellCheck={false}
        autoComplete="off"
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        onFocus={(event) => event.currentTarget.select()}
        rightSection={
          <Tooltip label={copyLabel} withArrow position="left">
            <ActionIcon
              variant="subtle"
              color={clipboard.copied ? 'teal' : 'gray'}
              aria-label={copyLabel}
              onClick={() => clipboard.copy(value)}
            >
              {clipboard.copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        }
      />
      {clipboard.error && (
        <Alert color="red" role="alert">
          {t('secret.copyFailed')}
        </Alert>
      )}
    </Stack>
  );
}

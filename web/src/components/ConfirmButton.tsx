import { ActionIcon, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';

interface ConfirmButtonProps {
  /** The button's text, or for an icon button its accessible name ("Revoke Monthly export"). */
  label: string;
  /** Shown as the button (icon buttons) or beside its text. */
  icon: ReactNode;
  /** An icon-only button for table rows. */
  compact?: boolean;
  color?: string;
  title: string;
  message: string;
  confirmLabel: string;
  /** Resolves when done; a failure is shown in the dialog, which stays open. */
  onConfirm: () => Promise<unknown>;
}

/** A button that asks before an action that cannot be undone (revoke a token, reset a password). */
export function ConfirmButton(props: ConfirmButtonProps) {
  const { label, icon, compact, color = 'red', title, message, confirmLabel, onConfirm } = props;
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      close();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {compact ? (
        <ActionIcon color={color} variant="subtle" aria-label={label} onClick={open}>
          {icon}
        </ActionIcon>
      ) : (
        <Button color={color} variant="light" leftSection={icon} onClick={open}>
          {label}
        </Button>
      )}
      <Modal
        opened={opened}
        onClose={close}
        title={title}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          {error !== null && <ErrorAlert error={error} />}
          <Text>{message}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color={color} loading={busy} onClick={() => void confirm()}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ErrorAlert';

interface FormModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** Wider for long forms. */
  size?: 'lg' | 'xl';
  /** The form; mounted only while the modal is open, so it starts from the record each time. */
  children: ReactNode;
}

export function FormModal({ opened, onClose, title, size = 'lg', children }: FormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size={size}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {children}
    </Modal>
  );
}

interface FormBodyProps {
  onSubmit: () => void;
  onCancel: () => void;
  busy: boolean;
  submitLabel: string;
  /** A failure not tied to one field. */
  error: unknown;
  /** After a version conflict: fetch the current record and start again from it. */
  onReload?: () => void;
  children: ReactNode;
}

export function FormBody({
  onSubmit,
  onCancel,
  busy,
  submitLabel,
  error,
  onReload,
  children,
}: FormBodyProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error !== null && error !== undefined && <ErrorAlert error={error} onRetry={onReload} />}
        {children}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

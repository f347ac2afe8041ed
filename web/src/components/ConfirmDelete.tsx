import { ActionIcon, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { ErrorAlert } from './ErrorAlert';
import { notifySuccess } from './notify';

interface ConfirmDeleteProps {
  /** What is deleted, as the reader knows it ("Kenya Country Office"). */
  name: string;
  onConfirm: () => Promise<unknown>;
  onDeleted: () => void;
  /** After a version conflict: refetch the record so the reader sees what changed. */
  onReload: () => void;
  /** An icon button for table rows, named "Delete <name>" for assistive technology. */
  compact?: boolean;
}

export function ConfirmDelete({ name, onConfirm, onDeleted, onReload, compact }: ConfirmDeleteProps) {
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
      notifySuccess(t('notify.deleted', { name }));
      onDeleted();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const reload = () => {
    setError(null);
    close();
    onReload();
  };

  return (
    <>
      {compact ? (
        <ActionIcon
          color="red"
          variant="subtle"
          aria-label={t('common.deleteNamed', { name })}
          onClick={open}
        >
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      ) : (
        <Button color="red" variant="light" leftSection={<IconTrash size={16} aria-hidden />} onClick={open}>
          {t('common.delete')}
        </Button>
      )}
      <Modal
        opened={opened}
        onClose={close}
        title={t('common.deleteTitle', { name })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          {error !== null && (
            <ErrorAlert error={error} onRetry={isApiError(error, 'version_conflict') ? reload : undefined} />
          )}
          <Text>{t('common.deleteConfirm', { name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => void confirm()}>
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

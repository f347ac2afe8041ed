import { Button, Group, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from './FormModal';

interface RevealOnceModalProps<C> {
  opened: boolean;
  onClose: () => void;
  /** The title while the form shows. */
  title: string;
  /** The title once the record is created. */
  createdTitle: string;
  /** The creation form: it hands what the API returned to `onCreated`. */
  form: (onCreated: (created: C) => void, onClose: () => void) => ReactNode;
  /** What the creation returned that is shown this once (a secret), in the same dialog. */
  reveal: (created: C) => ReactNode;
}

/** A creation dialog whose result (a password, a token) is shown in it once, until "Done". */
export function RevealOnceModal<C extends object>({
  opened,
  onClose,
  title,
  createdTitle,
  form,
  reveal,
}: RevealOnceModalProps<C>) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<C | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <FormModal opened={opened} onClose={close} title={created ? createdTitle : title}>
      {created ? (
        <Stack>
          {reveal(created)}
          <Group justify="flex-end">
            <Button onClick={close}>{t('users.done')}</Button>
          </Group>
        </Stack>
      ) : (
        form(setCreated, close)
      )}
    </FormModal>
  );
}

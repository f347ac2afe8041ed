import { Button, Checkbox, Radio, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  OWNERSHIP_FIELDS,
  PUSH_MODES,
  type Asset,
  type OwnershipField,
  type PushMode,
} from '@server/modules/inventory/asset.schema';
import { IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePushOwnership } from '../../api/assets';
import { FormBody, FormModal } from '../../components/form/FormModal';
import { notifySuccess } from '../../components/notify';

interface PushFormProps {
  system: Asset;
  onClose: () => void;
  /** After a version conflict: fetch the system again (the values pushed are the ones shown). */
  onReload: () => void;
}

function PushForm({ system, onClose, onReload }: PushFormProps) {
  const { t } = useTranslation();
  const push = usePushOwnership();
  // The fields the system names someone in: the others would push nothing.
  const [fields, setFields] = useState<OwnershipField[]>(() =>
    OWNERSHIP_FIELDS.filter((field) => system[field] !== null),
  );
  const [mode, setMode] = useState<PushMode>('only_empty');
  const [missing, setMissing] = useState(false);

  const submit = () => {
    if (fields.length === 0) return setMissing(true);
    push.mutate(
      { id: system.id, input: { fields, mode, version: system.version } },
      {
        onSuccess: (result) => {
          notifySuccess(t('assets.push.done', result));
          onClose();
        },
      },
    );
  };
  const reload = () => {
    push.reset();
    onReload();
  };

  return (
    <FormBody
      onSubmit={submit}
      onCancel={onClose}
      busy={push.isPending}
      submitLabel={t('assets.push.submit')}
      error={push.error}
      onReload={reload}
    >
      <Text size="sm">{t('assets.push.intro')}</Text>
      <Checkbox.Group
        label={t('assets.push.fields')}
        value={fields}
        error={missing ? t('assets.push.noFields') : undefined}
        onChange={(value) => {
          setFields(value as OwnershipField[]);
          setMissing(false);
        }}
      >
        <Stack gap="xs" mt="xs">
          {OWNERSHIP_FIELDS.map((field) => (
            <Checkbox
              key={field}
              value={field}
              label={t(`fields.${field}`)}
              disabled={system[field] === null}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <Radio.Group
        label={t('assets.push.mode')}
        value={mode}
        onChange={(value) => setMode(value as PushMode)}
      >
        <Stack gap="xs" mt="xs">
          {PUSH_MODES.map((value) => (
            <Radio
              key={value}
              value={value}
              label={t(value === 'only_empty' ? 'assets.push.onlyEmpty' : 'assets.push.overwrite')}
            />
          ))}
        </Stack>
      </Radio.Group>
    </FormBody>
  );
}

interface AssetPushOwnershipProps {
  system: Asset;
  onReload: () => void;
}

/** "Push ownership to assets": copy a system's people to the assets it holds. */
export function AssetPushOwnership({ system, onReload }: AssetPushOwnershipProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" leftSection={<IconUsersGroup size={16} aria-hidden />} onClick={open}>
        {t('assets.push.button')}
      </Button>
      <FormModal opened={opened} onClose={close} title={t('assets.push.title', { name: system.name })}>
        <PushForm system={system} onClose={close} onReload={onReload} />
      </FormModal>
    </>
  );
}

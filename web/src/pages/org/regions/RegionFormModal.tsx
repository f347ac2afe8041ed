import { Stack, TextInput } from '@mantine/core';
import { regionCreateSchema, regionUpdateSchema, type Region } from '@server/modules/org/org.schema';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateRegion, useUpdateRegion } from '../../../api/regions';
import { FormBody, FormModal } from '../../../components/form/FormModal';
import { changedValues } from '../../../components/form/changed-values';
import { useFormState } from '../../../components/form/use-form-state';
import { notifySuccess } from '../../../components/notify';

interface RegionFormProps {
  /** The region to edit; a new region when absent. */
  region?: Region;
  onClose: () => void;
  onReload?: () => Promise<Region | undefined>;
}

const toValues = (region?: Region) => ({ code: region?.code ?? '', name: region?.name ?? '' });

function RegionForm({ region, onClose, onReload }: RegionFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateRegion();
  const update = useUpdateRegion();
  const form = useFormState(() => toValues(region));
  const hints = { code: t('validation.regionCode') };

  const submit = () => {
    const values = { code: form.values.code.trim(), name: form.values.name };
    if (!region) {
      const input = form.check(regionCreateSchema, values, hints);
      if (!input) return;
      create.mutate(input, {
        onSuccess: (created) => {
          notifySuccess(t('notify.created', { name: created.name }));
          onClose();
          void navigate(`/regions/${created.id}`);
        },
        onError: form.fail,
      });
      return;
    }
    const changes = changedValues(values, toValues(region));
    if (Object.keys(changes).length === 0) return onClose();
    const input = form.check(regionUpdateSchema, { ...changes, version: region.version }, hints);
    if (!input) return;
    update.mutate(
      { id: region.id, input },
      {
        onSuccess: (saved) => {
          notifySuccess(t('notify.saved', { name: saved.name }));
          onClose();
        },
        onError: form.fail,
      },
    );
  };

  const reload = async () => {
    const fresh = await onReload?.();
    if (fresh) form.reset(toValues(fresh));
  };

  return (
    <FormBody
      onSubmit={submit}
      onCancel={onClose}
      busy={create.isPending || update.isPending}
      submitLabel={region ? t('common.save') : t('common.create')}
      error={form.general}
      onReload={onReload && (() => void reload())}
    >
      <Stack>
        <TextInput
          label={t('fields.code')}
          description={t('validation.regionCode')}
          required
          data-autofocus
          value={form.values.code}
          error={form.errors.code}
          onChange={(event) => form.set('code', event.currentTarget.value.toUpperCase())}
        />
        <TextInput
          label={t('fields.name')}
          required
          value={form.values.name}
          error={form.errors.name}
          onChange={(event) => form.set('name', event.currentTarget.value)}
        />
      </Stack>
    </FormBody>
  );
}

interface RegionFormModalProps extends RegionFormProps {
  opened: boolean;
}

export function RegionFormModal({ opened, ...props }: RegionFormModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={props.onClose}
      title={props.region ? t('regions.editTitle', { name: props.region.name }) : t('regions.createTitle')}
    >
      <RegionForm {...props} />
    </FormModal>
  );
}

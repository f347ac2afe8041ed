import { Stack, TextInput } from '@mantine/core';
import { regionCreateSchema, regionUpdateSchema, type Region } from '@server/modules/org/org.schema';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateRegion, useUpdateRegion } from '../../../api/regions';
import { FormBody, FormModal } from '../../../components/form/FormModal';
import { useVersionedForm } from '../../../components/form/use-versioned-form';

interface RegionFormProps {
  /** The region to edit; a new region when absent. */
  region?: Region;
  onClose: () => void;
  onReload?: () => Promise<Region | undefined>;
}

interface RegionValues {
  code: string;
  name: string;
}

const toValues = (region?: Region): RegionValues => ({ code: region?.code ?? '', name: region?.name ?? '' });

function RegionForm({ region, onClose, onReload }: RegionFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { form, body } = useVersionedForm({
    record: region,
    toValues,
    toPayload: (values: RegionValues) => ({ code: values.code.trim(), name: values.name }),
    createSchema: regionCreateSchema,
    updateSchema: regionUpdateSchema,
    create: useCreateRegion(),
    update: useUpdateRegion(),
    nameOf: (saved) => saved.name,
    onClose,
    onCreated: (created) => void navigate(`/regions/${created.id}`),
    onReload,
    hints: { code: t('validation.regionCode') },
  });

  return (
    <FormBody {...body}>
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

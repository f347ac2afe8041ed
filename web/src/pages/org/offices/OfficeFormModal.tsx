import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import {
  OFFICE_KINDS,
  officeCreateSchema,
  officeUpdateSchema,
  type Office,
} from '@server/modules/org/org.schema';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateOffice, useUpdateOffice } from '../../../api/offices';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { RegionSelect } from '../../../components/OrgSelects';
import { FormBody, FormModal } from '../../../components/form/FormModal';
import { useVersionedForm } from '../../../components/form/use-versioned-form';
import { orNull } from '../../../components/form/validation';

interface OfficeFormProps {
  /** The office to edit; a new office when absent. */
  office?: Office;
  /** A new office starts in this region (from a region's page). */
  regionId?: string;
  onClose: () => void;
  onReload?: () => Promise<Office | undefined>;
}

interface OfficeValues {
  code: string;
  name: string;
  kind: string;
  region_id: string | null;
  country_code: string;
  city: string;
}

const toValues = (office?: Office, regionId?: string): OfficeValues => ({
  code: office?.code ?? '',
  name: office?.name ?? '',
  kind: office?.kind ?? 'country_office',
  region_id: office ? office.region_id : (regionId ?? null),
  country_code: office?.country_code ?? '',
  city: office?.city ?? '',
});

/** What the API receives: trimmed text, "none" for empty optional fields. */
const toPayload = (values: OfficeValues) => ({
  code: values.code.trim(),
  name: values.name,
  kind: values.kind,
  region_id: values.region_id,
  country_code: orNull(values.country_code),
  city: orNull(values.city),
});

function OfficeForm({ office, regionId, onClose, onReload }: OfficeFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { form, body } = useVersionedForm({
    record: office,
    toValues: (record?: Office) => toValues(record, regionId),
    toPayload,
    createSchema: officeCreateSchema,
    updateSchema: officeUpdateSchema,
    create: useCreateOffice(),
    update: useUpdateOffice(),
    nameOf: (saved) => saved.name,
    onClose,
    onCreated: (created) => void navigate(`/offices/${created.id}`),
    onReload,
    hints: { code: t('validation.officeCode'), country_code: t('validation.countryCode') },
  });

  return (
    <FormBody {...body}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('fields.code')}
            description={t('validation.officeCode')}
            required
            data-autofocus
            value={form.values.code}
            error={form.errors.code}
            onChange={(event) => form.set('code', event.currentTarget.value.toUpperCase())}
          />
          <ChoiceSelect
            label={t('fields.kind')}
            required
            allowDeselect={false}
            data={OFFICE_KINDS.map((value) => ({ value, label: t(`officeKinds.${value}`) }))}
            value={form.values.kind}
            error={form.errors.kind}
            onChange={(value) => form.set('kind', value ?? 'country_office')}
          />
        </SimpleGrid>
        <TextInput
          label={t('fields.name')}
          required
          value={form.values.name}
          error={form.errors.name}
          onChange={(event) => form.set('name', event.currentTarget.value)}
        />
        <RegionSelect
          label={t('fields.region_id')}
          placeholder={t('common.none')}
          clearable
          value={form.values.region_id}
          error={form.errors.region_id}
          onChange={(value) => form.set('region_id', value)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('fields.country_code')}
            description={t('validation.countryCode')}
            maxLength={2}
            value={form.values.country_code}
            error={form.errors.country_code}
            onChange={(event) => form.set('country_code', event.currentTarget.value.toUpperCase())}
          />
          <TextInput
            label={t('fields.city')}
            value={form.values.city}
            error={form.errors.city}
            onChange={(event) => form.set('city', event.currentTarget.value)}
          />
        </SimpleGrid>
      </Stack>
    </FormBody>
  );
}

interface OfficeFormModalProps extends OfficeFormProps {
  opened: boolean;
}

export function OfficeFormModal({ opened, ...props }: OfficeFormModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={props.onClose}
      title={props.office ? t('offices.editTitle', { name: props.office.name }) : t('offices.createTitle')}
    >
      <OfficeForm {...props} />
    </FormModal>
  );
}

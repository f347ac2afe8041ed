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
import { CodeInput } from '../../../components/form/CodeNameForm';
import { FormBody, FormModal } from '../../../components/form/FormModal';
import { toCapitals } from '../../../components/form/use-form-state';
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
          <CodeInput form={form} hint={t('validation.officeCode')} />
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
        <TextInput label={t('fields.name')} required {...form.text('name')} />
        <RegionSelect
          label={t('fields.region_id')}
          placeholder={t('common.none')}
          clearable
          {...form.field('region_id')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('fields.country_code')}
            description={t('validation.countryCode')}
            maxLength={2}
            {...form.text('country_code', toCapitals)}
          />
          <TextInput label={t('fields.city')} {...form.text('city')} />
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

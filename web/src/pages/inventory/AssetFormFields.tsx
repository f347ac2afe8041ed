import {
  Fieldset,
  MultiSelect,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  ASSET_TYPES,
  DATA_SUBJECTS,
  OWNERSHIP_FIELDS,
  SENSITIVITY_LABELS,
  SPECIAL_CATEGORIES,
  type SensitivityLabel,
} from '@server/modules/inventory/asset.schema';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { OfficeDepartmentFields } from '../../components/form/OfficeDepartmentFields';
import type { FormState } from '../../components/form/use-form-state';
import { PersonSelect } from '../../components/PersonSelect';
import type { AssetValues } from './asset-form-values';
import { AssetSystemSelect } from './AssetSystemSelect';

type TextField = 'legal_basis' | 'purpose' | 'retention' | 'hosting_location' | 'sharing_agreements';

interface AssetFormFieldsProps {
  form: FormState<AssetValues>;
  /** The asset edited (it cannot be its own system); absent for a new one. */
  assetId?: string;
}

/** Every field of an asset, grouped as the detail page shows them. */
export function AssetFormFields({ form, assetId }: AssetFormFieldsProps) {
  const { t } = useTranslation();
  const { values, errors } = form;
  const text = (field: TextField, multiline = false) => {
    const props = { label: t(`fields.${field}`), ...form.text(field) };
    return multiline ? <Textarea {...props} autosize minRows={2} /> : <TextInput {...props} />;
  };
  const date = (field: 'last_reviewed' | 'last_access_review') => (
    <TextInput type="date" label={t(`fields.${field}`)} {...form.text(field)} />
  );

  return (
    <Stack>
      <Fieldset legend={t('assets.groups.identity')}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('fields.name')} required data-autofocus {...form.text('name')} />
            <ChoiceSelect
              label={t('fields.asset_type')}
              required
              allowDeselect={false}
              data={ASSET_TYPES.map((value) => ({ value, label: t(`assets.types.${value}`) }))}
              value={values.asset_type}
              error={errors.asset_type}
              onChange={(value) => value && form.set('asset_type', value as AssetValues['asset_type'])}
            />
          </SimpleGrid>
          <Textarea label={t('fields.description')} autosize minRows={2} {...form.text('description')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <AssetSystemSelect
              label={t('fields.system_id')}
              description={t('assets.systemHint')}
              placeholder={t('common.none')}
              clearable
              exclude={assetId}
              {...form.field('system_id')}
            />
            <OfficeDepartmentFields form={form} />
          </SimpleGrid>
        </Stack>
      </Fieldset>
      <Fieldset legend={t('assets.groups.ownership')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {OWNERSHIP_FIELDS.map((field) => (
            <PersonSelect
              key={field}
              label={t(`fields.${field}`)}
              description={values.system_id && !assetId ? t('assets.inheritHint') : undefined}
              placeholder={t('common.none')}
              clearable
              {...form.field(field)}
            />
          ))}
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('assets.groups.sensitivity')}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <ChoiceSelect
              label={t('fields.sensitivity_label')}
              placeholder={t('assets.unlabelled')}
              clearable
              data={SENSITIVITY_LABELS.map((value) => ({ value, label: t(`assets.labels.${value}`) }))}
              value={values.sensitivity_label}
              error={errors.sensitivity_label}
              onChange={(value) => form.set('sensitivity_label', value as SensitivityLabel | null)}
            />
            <Switch
              mt={{ sm: 'xl' }}
              label={t('assets.personalDataLabel')}
              checked={values.personal_data}
              error={errors.personal_data}
              onChange={(event) => form.set('personal_data', event.currentTarget.checked)}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label={t('fields.special_categories')}
              placeholder={t('common.none')}
              clearable
              data={SPECIAL_CATEGORIES.map((value) => ({
                value,
                label: t(`assets.specialCategories.${value}`),
              }))}
              value={values.special_categories}
              error={errors.special_categories}
              onChange={(value) => form.set('special_categories', value as AssetValues['special_categories'])}
            />
            <MultiSelect
              label={t('fields.data_subjects')}
              placeholder={t('common.none')}
              clearable
              data={DATA_SUBJECTS.map((value) => ({ value, label: t(`assets.dataSubjects.${value}`) }))}
              value={values.data_subjects}
              error={errors.data_subjects}
              onChange={(value) => form.set('data_subjects', value as AssetValues['data_subjects'])}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>
      <Fieldset legend={t('assets.groups.legal')}>
        <Stack>
          {text('legal_basis', true)}
          {text('purpose', true)}
          {text('retention')}
        </Stack>
      </Fieldset>
      <Fieldset legend={t('assets.groups.hosting')}>
        <Stack>
          {text('hosting_location')}
          {text('sharing_agreements', true)}
          <TagsInput
            label={t('fields.tags')}
            description={t('assets.tagsHint')}
            clearable
            {...form.field('tags')}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('assets.groups.review')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {date('last_reviewed')}
          {date('last_access_review')}
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}

import { Fieldset, MultiSelect, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import {
  AFFECTED_PEOPLE,
  APPROVAL_STATUSES,
  DEPLOYMENTS,
  LIFECYCLES,
  type AffectedPeople,
  type ApprovalStatus,
  type Deployment,
  type Lifecycle,
} from '@server/modules/ai-registry/ai-system.schema';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { OfficeDepartmentFields } from '../../components/form/OfficeDepartmentFields';
import type { FormState } from '../../components/form/use-form-state';
import { PersonSelect } from '../../components/PersonSelect';
import type { AiSystemLabelledField, AiSystemTextField, AiSystemValues } from './ai-system-form-values';
import { DataAssetsPicker, ModelsEditor, PublicFieldsChooser, UsageAppsSelect } from './AiSystemLinkFields';
import { codeOptions } from './code-options';

type Flag = 'personal_data' | 'dpia_done' | 'public';
type PersonField = 'business_owner_id' | 'technical_owner_id';

/** The editable fields of an AI system, grouped as the detail page shows them. */
export function AiSystemFormFields({ form }: { form: FormState<AiSystemValues> }) {
  const { t, i18n } = useTranslation();
  const { values, errors } = form;
  const languageOptions = useMemo(() => codeOptions('language', i18n.language), [i18n.language]);
  const countryOptions = useMemo(() => codeOptions('region', i18n.language), [i18n.language]);
  const codes = (field: 'languages' | 'countries', data: typeof languageOptions) => (
    <MultiSelect
      label={label(field)}
      description={t(`aiRegistry.codesHelp.${field}`)}
      searchable
      clearable
      data={data}
      {...form.field(field)}
    />
  );
  const label = (field: AiSystemLabelledField) => t(`aiRegistry.fields.${field}`);
  const text = (field: AiSystemTextField, multiline = false) => {
    const props = { label: label(field), ...form.text(field) };
    return multiline ? <Textarea {...props} autosize minRows={2} /> : <TextInput {...props} />;
  };
  const flag = (field: Flag) => <Switch label={label(field)} {...form.flag(field)} />;
  const person = (field: PersonField) => (
    <PersonSelect label={label(field)} placeholder={t('common.none')} clearable {...form.field(field)} />
  );

  return (
    <Stack>
      <Fieldset legend={t('aiRegistry.groups.identity')}>
        <Stack>
          <TextInput label={t('fields.name')} required data-autofocus {...form.text('name')} />
          {text('public_description', true)}
          {text('purpose', true)}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <ChoiceSelect
              label={label('lifecycle')}
              data={LIFECYCLES.map((value) => ({ value, label: t(`aiRegistry.lifecycles.${value}`) }))}
              value={values.lifecycle}
              error={errors.lifecycle}
              onChange={(value) => value && form.set('lifecycle', value as Lifecycle)}
            />
            <ChoiceSelect
              label={label('deployment')}
              placeholder={t('common.none')}
              clearable
              data={DEPLOYMENTS.map((value) => ({ value, label: t(`aiRegistry.deployments.${value}`) }))}
              value={values.deployment}
              error={errors.deployment}
              onChange={(value) => form.set('deployment', value as Deployment | null)}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>
      <Fieldset legend={t('aiRegistry.groups.responsibility')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <OfficeDepartmentFields form={form} />
          {person('business_owner_id')}
          {person('technical_owner_id')}
          {text('provider')}
          {text('contract')}
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('aiRegistry.groups.technology')}>
        <Stack>
          <ModelsEditor form={form} />
          <UsageAppsSelect form={form} />
          <DataAssetsPicker form={form} />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('aiRegistry.groups.use')}>
        <Stack>
          {text('users', true)}
          <MultiSelect
            label={label('affected_people')}
            data={AFFECTED_PEOPLE.map((value) => ({ value, label: t(`aiRegistry.affected.${value}`) }))}
            value={values.affected_people}
            error={errors.affected_people}
            onChange={(value) => form.set('affected_people', value as AffectedPeople[])}
          />
          {text('decisions_informed', true)}
          {text('human_oversight', true)}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {codes('languages', languageOptions)}
            {codes('countries', countryOptions)}
          </SimpleGrid>
          {text('alternatives_considered', true)}
          {text('risks_and_mitigations', true)}
        </Stack>
      </Fieldset>
      <Fieldset legend={t('aiRegistry.groups.approval')}>
        <Stack>
          <ChoiceSelect
            label={label('approval_status')}
            data={APPROVAL_STATUSES.map((value) => ({ value, label: t(`aiRegistry.approval.${value}`) }))}
            value={values.approval_status}
            error={errors.approval_status}
            onChange={(value) => value && form.set('approval_status', value as ApprovalStatus)}
          />
          {text('approval_conditions', true)}
          {flag('personal_data')}
          {flag('dpia_done')}
          {text('dpia_reference')}
          {flag('public')}
          <PublicFieldsChooser form={form} />
        </Stack>
      </Fieldset>
    </Stack>
  );
}

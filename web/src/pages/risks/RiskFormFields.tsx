import { Fieldset, MultiSelect, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { SCALE_WORDS } from '@server/modules/risks/risk-scoring';
import {
  RISK_CATEGORIES,
  RISK_STATUSES,
  TREATMENTS,
  type RiskCategory,
  type RiskStatus,
  type Treatment,
} from '@server/modules/risks/risk.schema';
import { useTranslation } from 'react-i18next';
import { useOfficeOptions } from '../../api/offices';
import { useLinkOptions } from '../../api/risks';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import type { FormState } from '../../components/form/use-form-state';
import { DepartmentSelect, OfficeSelect } from '../../components/OrgSelects';
import { PersonSelect } from '../../components/PersonSelect';
import type { RiskTextField, RiskValues } from './risk-form-values';

type ScaleField = 'inherent_likelihood' | 'inherent_impact' | 'residual_likelihood' | 'residual_impact';

/** The scale's words in the reader's language (English when the language has none). */
export function useScaleWords() {
  const { i18n } = useTranslation();
  const language = (['en', 'fr', 'es'] as const).find((l) => i18n.language.startsWith(l)) ?? 'en';
  return { likelihood: SCALE_WORDS.likelihood[language], impact: SCALE_WORDS.impact[language] };
}

/** The editable fields of a risk: what it is, where it sits, how it is rated and treated, what it concerns. */
export function RiskFormFields({ form }: { form: FormState<RiskValues> }) {
  const { t } = useTranslation();
  const { values, errors } = form;
  const words = useScaleWords();
  const offices = useOfficeOptions();
  const assets = useLinkOptions('assets');
  const systems = useLinkOptions('ai-systems');
  const text = (field: RiskTextField) => (
    <Textarea
      label={t(`risks.fields.${field}`)}
      autosize
      minRows={2}
      value={values[field]}
      error={errors[field]}
      onChange={(e) => form.set(field, e.currentTarget.value)}
    />
  );
  const scale = (field: ScaleField, required = false) => {
    const axis = field.endsWith('likelihood') ? 'likelihood' : 'impact';
    return (
      <ChoiceSelect
        label={t(`risks.fields.${field}`)}
        required={required}
        clearable={!required}
        placeholder={t('common.none')}
        data={words[axis].map((word, i) => ({ value: String(i + 1), label: `${i + 1} · ${word}` }))}
        value={values[field] === null ? null : String(values[field])}
        error={errors[field]}
        onChange={(value) => form.set(field, value === null ? null : Number(value))}
      />
    );
  };

  return (
    <Stack>
      <Fieldset legend={t('risks.groups.identity')}>
        <Stack>
          <TextInput
            label={t('risks.fields.title')}
            required
            data-autofocus
            value={values.title}
            error={errors.title}
            onChange={(e) => form.set('title', e.currentTarget.value)}
          />
          <ChoiceSelect
            label={t('risks.fields.category')}
            required
            data={RISK_CATEGORIES.map((value) => ({ value, label: t(`risks.categories.${value}`) }))}
            value={values.category}
            error={errors.category}
            onChange={(value) => form.set('category', value as RiskCategory | null)}
          />
          {text('description')}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('cause')}
            {text('consequence')}
          </SimpleGrid>
        </Stack>
      </Fieldset>
      <Fieldset legend={t('risks.groups.responsibility')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <OfficeSelect
            label={t('fields.office_id')}
            required
            value={values.office_id}
            error={errors.office_id}
            onChange={(value) => form.update({ office_id: value, department_id: null })}
          />
          <DepartmentSelect
            officeId={values.office_id}
            label={t('fields.department_id')}
            placeholder={t('common.none')}
            clearable
            value={values.department_id}
            error={errors.department_id}
            onChange={(value) => form.set('department_id', value)}
          />
          <PersonSelect
            label={t('risks.fields.owner_person_id')}
            placeholder={t('common.none')}
            clearable
            value={values.owner_person_id}
            error={errors.owner_person_id}
            onChange={(value) => form.set('owner_person_id', value)}
          />
          <TextInput
            type="date"
            label={t('risks.fields.next_review_date')}
            value={values.next_review_date}
            error={errors.next_review_date}
            onChange={(e) => form.set('next_review_date', e.currentTarget.value)}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('risks.groups.rating')}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {scale('inherent_likelihood', true)}
            {scale('inherent_impact', true)}
          </SimpleGrid>
          {text('existing_controls')}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {scale('residual_likelihood')}
            {scale('residual_impact')}
            <ChoiceSelect
              label={t('risks.fields.treatment')}
              placeholder={t('common.none')}
              clearable
              data={TREATMENTS.map((value) => ({ value, label: t(`risks.treatments.${value}`) }))}
              value={values.treatment}
              error={errors.treatment}
              onChange={(value) => form.set('treatment', value as Treatment | null)}
            />
            {values.status !== null && (
              <ChoiceSelect
                label={t('risks.fields.status')}
                data={RISK_STATUSES.filter((s) => s !== 'accepted').map((value) => ({
                  value,
                  label: t(`risks.statuses.${value}`),
                }))}
                value={values.status}
                error={errors.status}
                onChange={(value) => value && form.set('status', value as Exclude<RiskStatus, 'accepted'>)}
              />
            )}
          </SimpleGrid>
        </Stack>
      </Fieldset>
      <Fieldset legend={t('risks.groups.links')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('risks.fields.asset_ids')}
            searchable
            data={assets.data ?? []}
            value={values.asset_ids}
            error={errors.asset_ids}
            onChange={(value) => form.set('asset_ids', value)}
          />
          <MultiSelect
            label={t('risks.fields.ai_system_ids')}
            searchable
            data={systems.data ?? []}
            value={values.ai_system_ids}
            error={errors.ai_system_ids}
            onChange={(value) => form.set('ai_system_ids', value)}
          />
          <TagsInput
            label={t('risks.fields.usage_app_ids')}
            description={t('risks.usageAppsHint')}
            value={values.usage_app_ids}
            error={errors.usage_app_ids}
            onChange={(value) => form.set('usage_app_ids', value)}
          />
          <MultiSelect
            label={t('risks.fields.office_ids')}
            searchable
            data={(offices.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            value={values.office_ids}
            error={errors.office_ids}
            onChange={(value) => form.set('office_ids', value)}
          />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}

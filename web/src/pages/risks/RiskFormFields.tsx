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
import { OfficeDepartmentFields } from '../../components/form/OfficeDepartmentFields';
import type { FormState } from '../../components/form/use-form-state';
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
    <Textarea label={t(`risks.fields.${field}`)} autosize minRows={2} {...form.text(field)} />
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
          <TextInput label={t('risks.fields.title')} required data-autofocus {...form.text('title')} />
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
          <OfficeDepartmentFields form={form} />
          <PersonSelect
            label={t('risks.fields.owner_person_id')}
            placeholder={t('common.none')}
            clearable
            {...form.field('owner_person_id')}
          />
          <TextInput
            type="date"
            label={t('risks.fields.next_review_date')}
            {...form.text('next_review_date')}
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
            {...form.field('asset_ids')}
          />
          <MultiSelect
            label={t('risks.fields.ai_system_ids')}
            searchable
            data={systems.data ?? []}
            {...form.field('ai_system_ids')}
          />
          <TagsInput
            label={t('risks.fields.usage_app_ids')}
            description={t('risks.usageAppsHint')}
            {...form.field('usage_app_ids')}
          />
          <MultiSelect
            label={t('risks.fields.office_ids')}
            searchable
            data={(offices.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            {...form.field('office_ids')}
          />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}

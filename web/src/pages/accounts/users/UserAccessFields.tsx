import { MultiSelect, Stack, Text } from '@mantine/core';
import { ROLES, type Role } from '@server/core/permissions';
import { useTranslation } from 'react-i18next';
import { useOfficeOptions } from '../../../api/offices';
import { useRegions } from '../../../api/regions';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import type { FieldErrors } from '../../../components/form/validation';
import { isOrganisationWide } from './user-status';

export interface AccessValues {
  role: Role;
  scope_region_ids: string[];
  scope_office_ids: string[];
}

interface UserAccessFieldsProps {
  values: AccessValues;
  errors: FieldErrors;
  onChange: (changes: Partial<AccessValues>) => void;
}

/** Scope lists matter only for roles that are not organisation-wide: sent empty for the others. */
export function accessPayload(values: AccessValues): AccessValues {
  return isOrganisationWide(values.role) ? { ...values, scope_region_ids: [], scope_office_ids: [] } : values;
}

/** The role of an account and, for roles limited to a scope, its regions and offices. */
export function UserAccessFields({ values, errors, onChange }: UserAccessFieldsProps) {
  const { t } = useTranslation();
  const regions = useRegions();
  const offices = useOfficeOptions();
  const shared = {
    searchable: true,
    clearable: true,
    nothingFoundMessage: t('common.nothingFound'),
    clearButtonProps: { 'aria-label': t('common.clear') },
  };
  return (
    <Stack gap="sm">
      <ChoiceSelect
        label={t('fields.role')}
        required
        allowDeselect={false}
        data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        value={values.role}
        error={errors.role}
        onChange={(choice) => {
          const role = ROLES.find((candidate) => candidate === choice);
          if (role) onChange({ role });
        }}
      />
      <Text size="sm" c="dimmed">
        {t('users.scopeHint')}
      </Text>
      {!isOrganisationWide(values.role) && (
        <>
          <MultiSelect
            {...shared}
            label={t('fields.scope_region_ids')}
            data={(regions.data ?? []).map((region) => ({ value: region.id, label: region.name }))}
            value={values.scope_region_ids}
            error={errors.scope_region_ids}
            onChange={(ids) => onChange({ scope_region_ids: ids })}
          />
          <MultiSelect
            {...shared}
            label={t('fields.scope_office_ids')}
            data={(offices.data ?? []).map((office) => ({ value: office.id, label: office.name }))}
            value={values.scope_office_ids}
            error={errors.scope_office_ids}
            onChange={(ids) => onChange({ scope_office_ids: ids })}
          />
        </>
      )}
    </Stack>
  );
}

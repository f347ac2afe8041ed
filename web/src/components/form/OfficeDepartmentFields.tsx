import { useTranslation } from 'react-i18next';
import { DepartmentSelect, OfficeSelect } from '../OrgSelects';
import type { FormState } from './use-form-state';

/** Where a record sits in the organisation. */
interface Placement {
  office_id: string | null;
  department_id: string | null;
}

/** The part of an edit form the two fields use (any form whose values have both). */
type PlacementForm = Pick<FormState<Placement>, 'values' | 'errors' | 'update' | 'field'>;

/**
 * The office a record belongs to (required) and, optionally, one of its departments: choosing
 * another office clears the department. Two fields, for the form's own grid.
 */
export function OfficeDepartmentFields({ form }: { form: PlacementForm }) {
  const { t } = useTranslation();
  return (
    <>
      <OfficeSelect
        label={t('fields.office_id')}
        required
        value={form.values.office_id}
        error={form.errors.office_id}
        onChange={(value) => form.update({ office_id: value, department_id: null })}
      />
      <DepartmentSelect
        officeId={form.values.office_id}
        label={t('fields.department_id')}
        placeholder={t('common.none')}
        clearable
        {...form.field('department_id')}
      />
    </>
  );
}

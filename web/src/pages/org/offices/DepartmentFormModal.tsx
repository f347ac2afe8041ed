import {
  departmentCreateSchema,
  departmentUpdateSchema,
  type Department,
} from '@server/modules/org/org.schema';
import { useTranslation } from 'react-i18next';
import { useCreateDepartment, useUpdateDepartment } from '../../../api/departments';
import { CodeNameForm } from '../../../components/form/CodeNameForm';
import { FormModal } from '../../../components/form/FormModal';

interface DepartmentFormProps {
  officeId: string;
  /** The department to edit; a new department when absent. */
  department?: Department;
  onClose: () => void;
  onReload: () => Promise<Department | undefined>;
}

function DepartmentForm({ officeId, department, onClose, onReload }: DepartmentFormProps) {
  const { t } = useTranslation();
  return (
    <CodeNameForm
      record={department}
      createSchema={departmentCreateSchema}
      updateSchema={departmentUpdateSchema}
      create={useCreateDepartment()}
      update={useUpdateDepartment()}
      onClose={onClose}
      onReload={onReload}
      createExtras={{ office_id: officeId }}
      codeHint={t('validation.officeCode')}
    />
  );
}

interface DepartmentFormModalProps extends DepartmentFormProps {
  opened: boolean;
}

export function DepartmentFormModal({ opened, ...props }: DepartmentFormModalProps) {
  const { t } = useTranslation();
  const title = props.department
    ? t('departments.editTitle', { name: props.department.name })
    : t('departments.createTitle');
  return (
    <FormModal opened={opened} onClose={props.onClose} title={title}>
      <DepartmentForm {...props} />
    </FormModal>
  );
}

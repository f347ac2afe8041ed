import { Stack, TextInput } from '@mantine/core';
import {
  departmentCreateSchema,
  departmentUpdateSchema,
  type Department,
} from '@server/modules/org/org.schema';
import { useTranslation } from 'react-i18next';
import { useCreateDepartment, useUpdateDepartment } from '../../../api/departments';
import { FormBody, FormModal } from '../../../components/form/FormModal';
import { useVersionedForm } from '../../../components/form/use-versioned-form';

interface DepartmentFormProps {
  officeId: string;
  /** The department to edit; a new department when absent. */
  department?: Department;
  onClose: () => void;
  onReload: () => Promise<Department | undefined>;
}

interface DepartmentValues {
  code: string;
  name: string;
}

const toValues = (department?: Department): DepartmentValues => ({
  code: department?.code ?? '',
  name: department?.name ?? '',
});

function DepartmentForm({ officeId, department, onClose, onReload }: DepartmentFormProps) {
  const { t } = useTranslation();
  const { form, body } = useVersionedForm({
    record: department,
    toValues,
    toPayload: (values: DepartmentValues) => ({ code: values.code.trim(), name: values.name }),
    createSchema: departmentCreateSchema,
    updateSchema: departmentUpdateSchema,
    create: useCreateDepartment(),
    update: useUpdateDepartment(),
    nameOf: (saved) => saved.name,
    onClose,
    onReload,
    createExtras: { office_id: officeId },
    hints: { code: t('validation.officeCode') },
  });

  return (
    <FormBody {...body}>
      <Stack>
        <TextInput
          label={t('fields.code')}
          description={t('validation.officeCode')}
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

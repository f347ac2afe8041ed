import { Stack, TextInput } from '@mantine/core';
import {
  departmentCreateSchema,
  departmentUpdateSchema,
  type Department,
} from '@server/modules/org/org.schema';
import { useTranslation } from 'react-i18next';
import { useCreateDepartment, useUpdateDepartment } from '../../../api/departments';
import { changedValues } from '../../../components/form/changed-values';
import { FormBody, FormModal } from '../../../components/form/FormModal';
import { useFormState } from '../../../components/form/use-form-state';
import { notifySuccess } from '../../../components/notify';

interface DepartmentFormProps {
  officeId: string;
  /** The department to edit; a new department when absent. */
  department?: Department;
  onClose: () => void;
  onReload: () => Promise<Department | undefined>;
}

const toValues = (department?: Department) => ({
  code: department?.code ?? '',
  name: department?.name ?? '',
});

function DepartmentForm({ officeId, department, onClose, onReload }: DepartmentFormProps) {
  const { t } = useTranslation();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const form = useFormState(() => toValues(department));
  const hints = { code: t('validation.officeCode') };
  const done = (name: string, created: boolean) => {
    notifySuccess(t(created ? 'notify.created' : 'notify.saved', { name }));
    onClose();
  };

  const submit = () => {
    const values = { code: form.values.code.trim(), name: form.values.name };
    if (!department) {
      const input = form.check(departmentCreateSchema, { ...values, office_id: officeId }, hints);
      if (!input) return;
      create.mutate(input, { onSuccess: (saved) => done(saved.name, true), onError: form.fail });
      return;
    }
    const changes = changedValues(values, toValues(department));
    if (Object.keys(changes).length === 0) return onClose();
    const input = form.check(departmentUpdateSchema, { ...changes, version: department.version }, hints);
    if (!input) return;
    update.mutate(
      { id: department.id, input },
      { onSuccess: (saved) => done(saved.name, false), onError: form.fail },
    );
  };

  const reload = async () => {
    const fresh = await onReload();
    if (fresh) form.reset(toValues(fresh));
  };

  return (
    <FormBody
      onSubmit={submit}
      onCancel={onClose}
      busy={create.isPending || update.isPending}
      submitLabel={department ? t('common.save') : t('common.create')}
      error={form.general}
      onReload={department && (() => void reload())}
    >
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

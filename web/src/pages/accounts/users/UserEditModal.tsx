import { Switch, TextInput } from '@mantine/core';
import { userUpdateSchema, type User } from '@server/modules/accounts/accounts.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchUser, useUpdateUser } from '../../../api/users';
import { changedValues } from '../../../components/form/changed-values';
import { FormBody, FormModal } from '../../../components/form/FormModal';
import { useFormState } from '../../../components/form/use-form-state';
import { notifySuccess } from '../../../components/notify';
import { accessPayload, UserAccessFields } from './UserAccessFields';

const toValues = (user: User) => ({
  display_name: user.display_name,
  role: user.role,
  scope_region_ids: user.scope_region_ids,
  scope_office_ids: user.scope_office_ids,
  disabled: user.disabled,
});
type EditValues = ReturnType<typeof toValues>;

const toPayload = (values: EditValues) => ({ ...accessPayload(values), display_name: values.display_name });

function UserEditForm({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  // The version the edit starts from; a reload after a conflict moves it to the current one.
  const [record, setRecord] = useState(user);
  const form = useFormState(() => toValues(user));
  const lastAdmin = t('users.lastAdmin');

  const submit = () => {
    const changes = changedValues(toPayload(form.values), toPayload(toValues(record)));
    if (Object.keys(changes).length === 0) return onClose();
    const input = form.check(userUpdateSchema, { ...changes, version: record.version });
    if (!input) return;
    update.mutate(
      { id: record.id, input },
      {
        onSuccess: (saved) => {
          notifySuccess(t('notify.saved', { name: saved.display_name }));
          onClose();
        },
        onError: form.failWith({ role: lastAdmin, disabled: lastAdmin }),
      },
    );
  };

  const reload = async () => {
    const fresh = await fetchUser(record.id);
    setRecord(fresh);
    form.reset(toValues(fresh));
  };

  return (
    <FormBody
      onSubmit={submit}
      onCancel={onClose}
      busy={update.isPending}
      submitLabel={t('common.save')}
      error={form.general}
      onReload={() => void reload().catch(form.fail)}
    >
      <TextInput label={t('fields.email')} value={record.email} readOnly variant="filled" />
      <TextInput label={t('fields.display_name')} required data-autofocus {...form.text('display_name')} />
      <UserAccessFields values={form.values} errors={form.errors} onChange={form.update} />
      <Switch
        label={t('users.disabledLabel')}
        checked={form.values.disabled}
        error={form.errors.disabled}
        onChange={(event) => form.set('disabled', event.currentTarget.checked)}
      />
    </FormBody>
  );
}

/** Change an account's name, role, scope or whether it may sign in (versioned). */
export function UserEditModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={user !== null}
      onClose={onClose}
      title={user ? t('users.editTitle', { name: user.display_name }) : ''}
    >
      {user && <UserEditForm user={user} onClose={onClose} />}
    </FormModal>
  );
}

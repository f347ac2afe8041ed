import { Switch, Text, TextInput } from '@mantine/core';
import { userCreateSchema } from '@server/modules/accounts/accounts.schema';
import { useTranslation } from 'react-i18next';
import { useAuthProviders } from '../../../api/session';
import { useCreateUser, type UserCreated } from '../../../api/users';
import { FormBody } from '../../../components/form/FormModal';
import { RevealOnceModal } from '../../../components/form/RevealOnceModal';
import { useFormState } from '../../../components/form/use-form-state';
import { OneTimeSecret } from '../../../components/OneTimeSecret';
import { accessPayload, UserAccessFields, type AccessValues } from './UserAccessFields';

interface CreateValues extends AccessValues {
  email: string;
  display_name: string;
  sso_only: boolean;
}

const EMPTY: CreateValues = {
  email: '',
  display_name: '',
  role: 'viewer',
  scope_region_ids: [],
  scope_office_ids: [],
  sso_only: false,
};

function UserCreateForm({
  onCreated,
  onClose,
}: {
  onCreated: (c: UserCreated) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const providers = useAuthProviders();
  const form = useFormState(() => EMPTY);

  const submit = () => {
    const { sso_only, email, ...rest } = form.values;
    // No password field at all: the server generates a one-time password; null means none (single sign-on).
    const payload = { ...accessPayload(rest), email: email.trim(), ...(sso_only ? { password: null } : {}) };
    const input = form.check(userCreateSchema, payload);
    if (!input) return;
    create.mutate(input, { onSuccess: onCreated, onError: form.failWith({ email: t('users.emailTaken') }) });
  };

  return (
    <FormBody
      onSubmit={submit}
      onCancel={onClose}
      busy={create.isPending}
      submitLabel={t('common.create')}
      error={form.general}
    >
      <TextInput label={t('fields.email')} type="email" required data-autofocus {...form.text('email')} />
      <TextInput label={t('fields.display_name')} required {...form.text('display_name')} />
      <UserAccessFields values={form.values} errors={form.errors} onChange={form.update} />
      {providers.data?.oidc.enabled && <Switch label={t('users.ssoOnly')} {...form.flag('sso_only')} />}
      {!form.values.sso_only && (
        <Text size="sm" c="dimmed">
          {t('users.passwordHint')}
        </Text>
      )}
    </FormBody>
  );
}

/** What a new account's creator must pass on: its one-time password, or that it signs in by single sign-on. */
function CreatedUser({ created }: { created: UserCreated }) {
  const { t } = useTranslation();
  const email = created.user.email;
  return created.generated_password ? (
    <OneTimeSecret
      label={t('users.oneTimePassword')}
      value={created.generated_password}
      warning={t('users.createdBody', { email })}
    />
  ) : (
    <Text>{t('users.createdSso', { email })}</Text>
  );
}

/** Create an account; its one-time password is shown in the same dialog, once. */
export function UserCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <RevealOnceModal<UserCreated>
      opened={opened}
      onClose={onClose}
      title={t('users.createTitle')}
      createdTitle={t('users.createdTitle')}
      form={(onCreated, close) => <UserCreateForm onCreated={onCreated} onClose={close} />}
      reveal={(created) => <CreatedUser created={created} />}
    />
  );
}

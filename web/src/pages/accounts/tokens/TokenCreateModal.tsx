import { NumberInput, Switch, TextInput } from '@mantine/core';
import { apiTokenCreateSchema, type ApiTokenCreated } from '@server/modules/accounts/token.schema';
import { useTranslation } from 'react-i18next';
import { useCreateToken } from '../../../api/tokens';
import { FormBody } from '../../../components/form/FormModal';
import { RevealOnceModal } from '../../../components/form/RevealOnceModal';
import { useFormState } from '../../../components/form/use-form-state';
import { OneTimeSecret } from '../../../components/OneTimeSecret';

interface TokenValues {
  name: string;
  read_only: boolean;
  /** Empty: the token does not expire. */
  expires_in_days: number | string;
}

const INITIAL: TokenValues = { name: '', read_only: true, expires_in_days: 90 };

function TokenCreateForm({
  onCreated,
  onClose,
}: {
  onCreated: (t: ApiTokenCreated) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const form = useFormState(() => INITIAL);

  const submit = () => {
    const days = form.values.expires_in_days;
    const payload = {
      name: form.values.name,
      read_only: form.values.read_only,
      ...(days === '' ? {} : { expires_in_days: Number(days) }),
    };
    const input = form.check(apiTokenCreateSchema, payload);
    if (!input) return;
    create.mutate(input, { onSuccess: onCreated, onError: form.fail });
  };

  return (
    <FormBody
      onSubmit={submit}
      onCancel={onClose}
      busy={create.isPending}
      submitLabel={t('common.create')}
      error={form.general}
    >
      <TextInput
        label={t('tokens.name')}
        description={t('tokens.nameHint')}
        required
        data-autofocus
        {...form.text('name')}
      />
      <Switch
        label={t('tokens.readOnly')}
        description={t('tokens.readOnlyHint')}
        {...form.flag('read_only')}
      />
      <NumberInput
        label={t('tokens.expiresInDays')}
        description={t('tokens.expiresHint')}
        min={1}
        max={3650}
        allowDecimal={false}
        allowNegative={false}
        {...form.field('expires_in_days')}
      />
    </FormBody>
  );
}

/** Create a token for oneself; its secret is shown in the same dialog, once. */
export function TokenCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <RevealOnceModal<ApiTokenCreated>
      opened={opened}
      onClose={onClose}
      title={t('tokens.createTitle')}
      createdTitle={t('tokens.createdTitle')}
      form={(onCreated, close) => <TokenCreateForm onCreated={onCreated} onClose={close} />}
      reveal={(created) => (
        <OneTimeSecret
          label={t('tokens.secretLabel')}
          value={created.token}
          warning={t('tokens.secretWarning')}
        />
      )}
    />
  );
}

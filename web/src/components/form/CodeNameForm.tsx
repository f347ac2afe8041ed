import { Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FormBody } from './FormModal';
import { toCapitals, type FormState } from './use-form-state';
import { useVersionedForm, type VersionedFormOptions } from './use-versioned-form';

/** A record's short code, typed in capitals; `hint` says its pattern. The first field of its form. */
export function CodeInput({ form, hint }: { form: Pick<FormState<{ code: string }>, 'text'>; hint: string }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('fields.code')}
      description={hint}
      required
      data-autofocus
      {...form.text('code', toCapitals)}
    />
  );
}

interface CodeNamed {
  id: string;
  version: number;
  code: string;
  name: string;
}

interface CodeNameValues {
  code: string;
  name: string;
}

type CodeNameFormProps<R extends CodeNamed, C extends z.ZodType, U extends z.ZodType> = Pick<
  VersionedFormOptions<R, CodeNameValues, { code: string; name: string }, C, U>,
  'record' | 'createSchema' | 'updateSchema' | 'create' | 'update' | 'onClose' | 'onCreated' | 'createExtras'
> & {
  onReload?: () => Promise<R | undefined>;
  /** The code's pattern, beside the field and in its error message. */
  codeHint: string;
};

const toValues = (record?: CodeNamed): CodeNameValues => ({
  code: record?.code ?? '',
  name: record?.name ?? '',
});

const toPayload = (values: CodeNameValues) => ({ code: values.code.trim(), name: values.name });

/** The create-or-edit form of a record that is only a code and a name (a region, a department). */
export function CodeNameForm<R extends CodeNamed, C extends z.ZodType, U extends z.ZodType>({
  codeHint,
  ...options
}: CodeNameFormProps<R, C, U>) {
  const { t } = useTranslation();
  const { form, body } = useVersionedForm({
    ...options,
    toValues,
    toPayload,
    nameOf: (saved) => saved.name,
    hints: { code: codeHint },
  });
  return (
    <FormBody {...body}>
      <Stack>
        <CodeInput form={form} hint={codeHint} />
        <TextInput label={t('fields.name')} required {...form.text('name')} />
      </Stack>
    </FormBody>
  );
}

import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { notifySuccess } from '../notify';
import { changedValues } from './changed-values';
import { useFormState } from './use-form-state';
import type { FieldErrors, FormatHints } from './validation';

interface Callbacks<R> {
  onSuccess: (saved: R) => void;
  onError: (error: unknown) => void;
}

/** The part of a TanStack mutation the form uses (a create or an update hook's result). */
interface Mutation<I, R> {
  mutate: (input: I, callbacks: Callbacks<R>) => void;
  isPending: boolean;
}

interface Versioned {
  id: string;
  version: number;
}

export interface VersionedFormOptions<
  R extends Versioned,
  V extends object,
  P extends Record<string, unknown>,
  C extends z.ZodType,
  U extends z.ZodType,
> {
  /** The record to edit; a new record when absent. */
  record?: R;
  /** The form's values for a record (or for a new one). */
  toValues: (record?: R) => V;
  /** What the API receives; an update sends only the fields whose payload value changed. */
  toPayload: (values: V) => P;
  createSchema: C;
  updateSchema: U;
  create: Mutation<z.output<C>, R>;
  update: Mutation<{ id: string; input: z.output<U> }, R>;
  /** The record's name in the "created" and "saved" notices. */
  nameOf: (saved: R) => string;
  onClose: () => void;
  /** After a creation (after the dialog closed): open the new record's page, say. */
  onCreated?: (created: R) => void;
  /** After a version conflict: fetch the current record; the form starts again from it. */
  onReload?: () => Promise<R | undefined>;
  /** Fields only a creation sends (the office a new department belongs to). */
  createExtras?: Record<string, unknown>;
  hints?: FormatHints;
  /** The form's own words for fields the API refuses (its messages are English). */
  messages?: FieldErrors;
}

/**
 * The create-or-edit form of a versioned record: checks the values with the API's own schemas,
 * creates or sends only the changed fields with the version read, puts the API's refusals beside
 * their fields, and after a 409 offers to reload the record and start again.
 * Spread `body` on a FormBody; read and change the values through `form`.
 */
export function useVersionedForm<
  R extends Versioned,
  V extends object,
  P extends Record<string, unknown>,
  C extends z.ZodType,
  U extends z.ZodType,
>(options: VersionedFormOptions<R, V, P, C, U>) {
  const { record, toValues, toPayload, create, update, nameOf, onClose, onReload, hints } = options;
  const { t } = useTranslation();
  const form = useFormState(() => toValues(record));
  const onError = options.messages ? form.failWith(options.messages) : form.fail;

  const submit = () => {
    const payload = toPayload(form.values);
    if (!record) {
      const input = form.check(options.createSchema, { ...payload, ...options.createExtras }, hints);
      if (input === null) return;
      create.mutate(input, {
        onSuccess: (created) => {
          notifySuccess(t('notify.created', { name: nameOf(created) }));
          onClose();
          options.onCreated?.(created);
        },
        onError,
      });
      return;
    }
    const changes = changedValues(payload, toPayload(toValues(record)));
    if (Object.keys(changes).length === 0) return onClose();
    const input = form.check(options.updateSchema, { ...changes, version: record.version }, hints);
    if (input === null) return;
    update.mutate(
      { id: record.id, input },
      {
        onSuccess: (saved) => {
          notifySuccess(t('notify.saved', { name: nameOf(saved) }));
          onClose();
        },
        onError,
      },
    );
  };

  const reload = async () => {
    const fresh = await onReload?.();
    if (fresh) form.reset(toValues(fresh));
  };

  return {
    form,
    body: {
      onSubmit: submit,
      onCancel: onClose,
      busy: create.isPending || update.isPending,
      submitLabel: record ? t('common.save') : t('common.create'),
      error: form.general,
      onReload: onReload && record ? () => void reload() : undefined,
    },
  };
}

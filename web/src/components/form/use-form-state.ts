import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { apiFieldErrors, validate, type FieldErrors, type FormatHints } from './validation';

/** Values, field errors and the form-wide error of one edit form. */
export function useFormState<V extends object>(initial: () => V) {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<unknown>(null);
  const showFailure = (error: unknown, messages?: FieldErrors) => {
    const split = apiFieldErrors(t, error, messages);
    setErrors(split.fields);
    setGeneral(split.general);
  };

  return {
    values,
    errors,
    general,
    set<K extends keyof V>(key: K, value: V[K]) {
      setValues((current) => ({ ...current, [key]: value }));
      setErrors((current) => ({ ...current, [key]: undefined }));
    },
    /** Several fields at once (a part of the form kept in its own component). */
    update(changes: Partial<V>) {
      setValues((current) => ({ ...current, ...changes }));
      setErrors((current) => {
        const next = { ...current };
        for (const key of Object.keys(changes)) delete next[key];
        return next;
      });
    },
    reset(next: V) {
      setValues(next);
      setErrors({});
      setGeneral(null);
    },
    /** The parsed payload, or null after showing what is wrong beside each field. */
    check<S extends z.ZodType>(schema: S, payload: unknown, hints?: FormatHints): z.output<S> | null {
      const result = validate(t, schema, payload, hints);
      setGeneral(null);
      if (result.ok) {
        setErrors({});
        return result.data;
      }
      setErrors(result.errors);
      return null;
    },
    /** A message beside one field, from a check the schema cannot make (two fields that must match). */
    setError(key: keyof V & string, message: string) {
      setErrors((current) => ({ ...current, [key]: message }));
    },
    /** Show a refused write (usable directly as a mutation's onError). */
    fail(error: unknown) {
      showFailure(error);
    },
    /** Like `fail`, with the form's own words for fields the API names (its messages are English). */
    failWith(messages: FieldErrors) {
      return (error: unknown) => showFailure(error, messages);
    },
  };
}

/** An edit form's state, for parts of a form kept in their own components. */
export type FormState<V extends object> = ReturnType<typeof useFormState<V>>;

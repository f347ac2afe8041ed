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

  return {
    values,
    errors,
    general,
    set<K extends keyof V>(key: K, value: V[K]) {
      setValues((current) => ({ ...current, [key]: value }));
      setErrors((current) => ({ ...current, [key]: undefined }));
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
    fail(error: unknown) {
      const split = apiFieldErrors(t, error);
      setErrors(split.fields);
      setGeneral(split.general);
    },
  };
}

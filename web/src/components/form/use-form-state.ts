import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { apiFieldErrors, validate, type FieldErrors, type FormatHints } from './validation';

/** The fields of a form that hold text, or a yes/no. */
type KeysOf<V, T> = { [K in keyof V]-?: V[K] extends T ? K : never }[keyof V] & string;

type TypedEvent = ChangeEvent<HTMLInputElement | HTMLTextAreaElement>;

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
  const setValue = <K extends keyof V>(key: K, value: V[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  return {
    values,
    errors,
    general,
    set<K extends keyof V>(key: K, value: V[K]) {
      setValue(key, value);
    },
    /** Value, message and change handler of a control that reports its value (a select, a number). */
    field<K extends keyof V & string>(key: K) {
      return { value: values[key], error: errors[key], onChange: (value: V[K]) => setValue(key, value) };
    },
    /** The same for a text box; `transform` rewrites what is typed (codes in capitals). */
    text(key: KeysOf<V, string>, transform?: (typed: string) => string) {
      return {
        value: values[key] as string,
        error: errors[key],
        onChange: (event: TypedEvent) => {
          const typed = event.currentTarget.value;
          setValue(key, (transform ? transform(typed) : typed) as V[typeof key]);
        },
      };
    },
    /** State and change handler of a switch or a checkbox. */
    flag(key: KeysOf<V, boolean>) {
      return {
        checked: values[key] as boolean,
        onChange: (event: ChangeEvent<HTMLInputElement>) =>
          setValue(key, event.currentTarget.checked as V[typeof key]),
      };
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

/** For `form.text(key, toCapitals)`: codes are typed in capitals. */
export const toCapitals = (typed: string) => typed.toUpperCase();

import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../../api/client';
import { apiFieldErrors, validate } from './validation';

// Keys and their values instead of translations: the tests check which message is chosen.
const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;

describe('validate', () => {
  const schema = z.object({
    name: z.string().min(1),
    password: z.string().min(12),
    days: z.number().min(1).max(3650),
  });

  it('explains short text, and numbers out of range, in the words meant for each', () => {
    const result = validate(t, schema, { name: '', password: 'short', days: 0 });
    expect(result).toEqual({
      ok: false,
      errors: {
        name: 'validation.required',
        password: 'validation.tooShort {"min":12}',
        days: 'validation.atLeast {"min":1}',
      },
    });
    expect(validate(t, schema, { name: 'a', password: 'long enough pass', days: 4000 })).toEqual({
      ok: false,
      errors: { days: 'validation.atMost {"max":3650}' },
    });
  });
});

describe('apiFieldErrors', () => {
  it('puts validation issues beside their fields, preferring the form’s own words', () => {
    const error = new ApiError(400, 'validation_failed', 'bad', {
      issues: [
        { path: 'body.current_password', message: 'wrong password' },
        { path: 'body.display_name', message: 'Too small' },
      ],
    });
    const split = apiFieldErrors(t, error, { current_password: 'The current password is wrong.' });
    expect(split.fields).toEqual({
      current_password: 'The current password is wrong.',
      display_name: 'Too small',
    });
    expect(split.general).toBe(error);
  });

  it('puts a conflict naming a field beside that field, with the form’s words when given', () => {
    const error = new ApiError(409, 'conflict', 'last admin', { field: 'role' });
    expect(apiFieldErrors(t, error).fields).toEqual({ role: 'validation.taken' });
    expect(apiFieldErrors(t, error, { role: 'last admin' })).toEqual({
      fields: { role: 'last admin' },
      general: null,
    });
  });

  it('puts an unknown or hidden reference beside the field naming it', () => {
    const error = new ApiError(404, 'not_found', 'system_id: asset x was not found', {
      entity: 'asset',
      id: 'x',
      field: 'system_id',
    });
    expect(apiFieldErrors(t, error)).toEqual({
      fields: { system_id: 'validation.unknownReference' },
      general: null,
    });
    const record = new ApiError(404, 'not_found', 'asset x was not found', { entity: 'asset', id: 'x' });
    expect(apiFieldErrors(t, record)).toEqual({ fields: {}, general: record });
  });

  it('keeps any other failure for the whole form', () => {
    const error = new ApiError(409, 'version_conflict', 'stale');
    expect(apiFieldErrors(t, error)).toEqual({ fields: {}, general: error });
  });
});

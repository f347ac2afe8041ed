import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, errors } from '../core/errors.js';
import { FlagNames, readAllPages, requireChanges, versionArg } from './args.js';

const flags = new FlagNames({ country_code: '--country', governance_roles: '--role', version: '--version' });
const schema = z.strictObject({
  country_code: z.string().length(2).optional(),
  governance_roles: z.array(z.enum(['data_owner'])).optional(),
  version: z.number().int().positive(),
});

function caught(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('FlagNames.parse', () => {
  it('returns the parsed input, leaving out options that were not given', () => {
    expect(flags.parse(schema, { country_code: undefined, version: 2 })).toEqual({ version: 2 });
  });

  it('reports every problem as validation_failed naming the flag, an array item by its flag alone', () => {
    const error = caught(() =>
      flags.parse(schema, { country_code: 'KEN', governance_roles: ['data_owner', 'boss'], version: NaN }),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.exitCode).toBe(2);
    const issues = (error.details as { issues: { path: string }[] }).issues;
    expect(issues.map((i) => i.path)).toEqual(['--country', '--role', '--version']);
    expect(error.message).toMatch(/^--country: /);
  });

  it('keeps the field name of a field that has no flag', () => {
    const error = caught(() => flags.parse(z.object({ other: z.string() }), {}));
    expect((error.details as { issues: { path: string }[] }).issues[0]?.path).toBe('other');
  });
});

describe('FlagNames.call', () => {
  it("renames the field issues of a service's validation error to flags", async () => {
    const failing = Promise.reject(
      errors.validation('country_code: needed', [{ path: 'country_code', message: 'needed' }]),
    );
    await expect(flags.call(failing)).rejects.toMatchObject({
      code: 'validation_failed',
      message: '--country: needed',
    });
  });

  it('names the target as typed instead of by id in errors about it, and passes other errors through', async () => {
    const stale = errors.versionConflict('office', 'id-1', 1, 2);
    await expect(flags.call(Promise.reject(stale), { id: 'id-1', name: 'KE-NBO' })).rejects.toMatchObject({
      code: 'version_conflict',
      message: expect.stringMatching(/^office KE-NBO was changed by someone else/),
    });
    const other = errors.notFound('office', 'id-2');
    await expect(flags.call(Promise.reject(other), { id: 'id-1', name: 'KE-NBO' })).rejects.toBe(other);
    const plain = new Error('disk full');
    await expect(flags.call(Promise.reject(plain))).rejects.toBe(plain);
  });
});

describe('argument helpers', () => {
  it('requireChanges refuses an update that gives no change, naming the flags that would', () => {
    expect(() => requireChanges({ name: 'x', code: undefined }, ['--name', '--code'])).not.toThrow();
    expect(() => requireChanges({ region: false }, ['--[no-]region'])).not.toThrow();
    expect(() => requireChanges({ name: undefined }, ['--name', '--code'])).toThrow(
      'Nothing to change: give at least one of --name, --code',
    );
  });

  it('versionArg uses the version read unless one was typed', () => {
    expect(versionArg(undefined, 4)).toBe(4);
    expect(versionArg('2', 4)).toBe(2);
    expect(versionArg('two', 4)).toBeNaN();
  });

  it('readAllPages follows next_cursor until the last page', async () => {
    const pages: Record<string, { items: number[]; next_cursor: string | null }> = {
      start: { items: [1, 2], next_cursor: 'b' },
      b: { items: [3, 4], next_cursor: 'c' },
      c: { items: [5], next_cursor: null },
    };
    const asked: (string | undefined)[] = [];
    const items = await readAllPages(async (cursor) => {
      asked.push(cursor);
      return pages[cursor ?? 'start']!;
    });
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual([undefined, 'b', 'c']);
  });
});

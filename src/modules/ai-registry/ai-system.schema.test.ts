import { describe, expect, it } from 'vitest';
import { aiSystemCreateSchema, aiSystemUpdateSchema } from './ai-system.schema.js';

const base = { name: 'Chat assistant', office_id: '0190f0c8-0000-7000-8000-000000000002' };

describe('the languages, countries, alternatives and risks of an AI system', () => {
  it.each([
    { input: { languages: ['en', 'fr', 'es', 'ar'] }, out: { languages: ['en', 'fr', 'es', 'ar'] } },
    { input: { languages: [' EN ', 'Sw'] }, out: { languages: ['en', 'sw'] } },
    { input: { countries: ['KE', 'SN'] }, out: { countries: ['KE', 'SN'] } },
    { input: { countries: ['ke', ' sn', 'XK'] }, out: { countries: ['KE', 'SN', 'XK'] } },
    { input: { languages: [], countries: [] }, out: { languages: [], countries: [] } },
    {
      input: { alternatives_considered: '  Manual triage ' },
      out: { alternatives_considered: 'Manual triage' },
    },
    { input: { risks_and_mitigations: null }, out: { risks_and_mitigations: null } },
  ])('accepts and normalises $input', ({ input, out }) => {
    expect(aiSystemCreateSchema.parse({ ...base, ...input })).toMatchObject(out);
  });

  it.each([
    { input: { languages: ['xx'] }, path: 'languages.0', message: '"xx" is not an ISO 639-1 language code' },
    { input: { languages: ['en', 'eng'] }, path: 'languages.1', message: '"eng" is not an ISO 639-1' },
    { input: { languages: ['bh'] }, path: 'languages.0', message: 'not an ISO 639-1' },
    { input: { languages: ['en', 'EN'] }, path: 'languages', message: 'name each once' },
    { input: { languages: 'en' }, path: 'languages', message: '' },
    { input: { countries: ['ZZ'] }, path: 'countries.0', message: '"ZZ" is not an ISO 3166-1 alpha-2' },
    { input: { countries: ['KEN'] }, path: 'countries.0', message: 'such as KE or SN' },
    { input: { countries: ['UK'] }, path: 'countries.0', message: 'not an ISO 3166-1' },
    { input: { countries: ['ke', 'KE'] }, path: 'countries', message: 'name each once' },
    { input: { alternatives_considered: 'x'.repeat(5001) }, path: 'alternatives_considered', message: '' },
    { input: { risks_and_mitigations: 7 }, path: 'risks_and_mitigations', message: '' },
  ])('refuses $input at $path', ({ input, path, message }) => {
    const result = aiSystemCreateSchema.safeParse({ ...base, ...input });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join('.') === path);
    expect(issue, JSON.stringify(result.error!.issues)).toBeDefined();
    expect(issue!.message).toContain(message);
  });

  it('lets a change send only these fields, with its version', () => {
    expect(aiSystemUpdateSchema.parse({ version: 2, countries: ['sn'] })).toEqual({
      version: 2,
      countries: ['SN'],
    });
  });
});

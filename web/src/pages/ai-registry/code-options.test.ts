import { describe, expect, it } from 'vitest';
import { codeList, codeName, codeOptions } from './code-options';

describe('language and country pickers', () => {
  it.each([
    ['fr', 'language', 'en', 'French'],
    ['fr', 'language', 'fr', 'français'],
    ['ar', 'language', 'es', 'árabe'],
    ['KE', 'region', 'en', 'Kenya'],
    ['SN', 'region', 'fr', 'Sénégal'],
  ] as const)('names %s (%s) in %s as %s', (code, type, locale, name) => {
    expect(codeName(code, type, locale)).toBe(name);
  });

  it('offers every code once, sorted by name, each label ending with its code', () => {
    const languages = codeOptions('language', 'en');
    expect(languages).toHaveLength(183);
    expect(languages.every((o) => o.label.endsWith(`(${o.value})`))).toBe(true);
    const labels = languages.map((o) => o.label);
    expect(labels).toEqual(labels.toSorted((a, b) => a.localeCompare(b, 'en')));
    expect(codeOptions('region', 'en').find((o) => o.value === 'KE')?.label).toBe('Kenya (KE)');
  });

  it('lists codes with their names for the detail page', () => {
    expect(codeList(['en', 'sw'], 'language', 'en')).toBe('English (en), Swahili (sw)');
    expect(codeList([], 'region', 'en')).toBe('');
  });
});

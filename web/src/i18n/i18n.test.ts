import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '../../../src/core/errors';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

type Catalogue = { [key: string]: string | Catalogue };

/** Every leaf as `section.key` → text. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') leaves.set(path, value);
    else for (const [leaf, text] of flatten(value, path)) leaves.set(leaf, text);
  }
  return leaves;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

const english = flatten(en);
const translations = { fr: flatten(fr), es: flatten(es) };

describe.each(Object.entries(translations))('the %s catalogue', (_language, catalogue) => {
  it('has every key of the English catalogue', () => {
    const missing = [...english.keys()].filter((key) => !catalogue.has(key));
    expect(missing).toEqual([]);
  });

  it('has no key the English catalogue lacks', () => {
    const extra = [...catalogue.keys()].filter((key) => !english.has(key));
    expect(extra).toEqual([]);
  });

  it('uses the same interpolation placeholders as English in every text', () => {
    const differing = [...english]
      .filter(([key]) => catalogue.has(key))
      .filter(([key, text]) => placeholders(text).join() !== placeholders(catalogue.get(key) ?? '').join())
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('has no empty text', () => {
    const empty = [...catalogue].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });
});

describe('the English catalogue', () => {
  it('explains every error code the API can answer, and network failures', () => {
    const codes = [...Object.keys(ERROR_CATALOGUE), 'network'];
    const missing = codes.filter((code) => !english.has(`errors.${code}`));
    expect(missing).toEqual([]);
  });

  it('has no empty text', () => {
    expect([...english].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });
});

describe('placeholders', () => {
  it('finds every {{name}} once per occurrence, whatever the spacing', () => {
    expect(placeholders('{{field}}: {{ before }} → {{after}}')).toEqual(['after', 'before', 'field']);
    expect(placeholders('no placeholder')).toEqual([]);
  });
});

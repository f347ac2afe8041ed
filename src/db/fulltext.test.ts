import { describe, expect, it } from 'vitest';
import { searchDocument, searchTerms } from './fulltext.js';

describe('search documents', () => {
  it.each([
    [['García household survey'], 'garcia household survey'],
    [['Hélène', 'HÉLÈNE data'], 'helene data'],
    [['health-survey, 2024/25'], 'health survey 2024 25'],
    [['  spaced   out  ', null, undefined, ''], 'spaced out'],
    [['ﬁle ２０２４'], 'file 2024'],
    [['سجل المستفيدين'], 'سجل المستفيدين'],
    [['हिन्दी सर्वेक्षण'], 'हिन्दी सर्वेक्षण'],
  ] as const)('%j is stored as "%s"', (parts, expected) => {
    expect(searchDocument(...parts)).toBe(expected);
  });

  it('never holds an empty word or a double space (PostgreSQL refuses empty lexemes)', () => {
    const text = searchDocument('--- a -- b ---', '!!!', 'c');
    expect(text).toBe('a b c');
    expect(text.split(' ').every((word) => word.length > 0)).toBe(true);
  });
});

describe('search terms', () => {
  it('folds case and accents and splits on punctuation, as documents are', () => {
    expect(searchTerms('  GARCÍA, health-Survey ')).toEqual(['garcia', 'health', 'survey']);
  });

  it('has no terms for a query without letters or digits, so it filters nothing', () => {
    expect(searchTerms('"*%_\\ -- ()')).toEqual([]);
  });

  it('keeps only letters, digits and marks, so no query syntax can reach either dialect', () => {
    const terms = searchTerms(`a'b "c" d:* e&f NEAR(g) h OR i`);
    expect(terms).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'near', 'g', 'h', 'or', 'i']);
    for (const term of terms) expect(term).toMatch(/^[\p{L}\p{N}\p{M}]+$/u);
  });

  it('uses each term once and at most twelve', () => {
    expect(searchTerms('x x X')).toEqual(['x']);
    expect(searchTerms(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))).toHaveLength(12);
  });
});

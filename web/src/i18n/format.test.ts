import { describe, expect, it } from 'vitest';
import { formatPartialDate, formatPercent, formatScore } from './format';

describe('formatPartialDate', () => {
  it('shows a year alone as the year', () => {
    expect(formatPartialDate('2021', 'fr')).toBe('2021');
  });

  it('shows a year and month as the month name and year in the reader’s language', () => {
    expect(formatPartialDate('2023-12', 'en-GB')).toBe('December 2023');
    expect(formatPartialDate('2023-12', 'fr')).toBe('décembre 2023');
    expect(formatPartialDate('2023-12', 'es')).toBe('diciembre de 2023');
  });

  it('shows a full date on the day it names, whatever the reader’s time zone', () => {
    expect(formatPartialDate('2024-06-13', 'en-GB')).toBe('13 Jun 2024');
    expect(formatPartialDate('2024-01-01', 'fr')).toBe('1 janv. 2024');
  });

  it('shows anything that is not such a date as given', () => {
    expect(formatPartialDate('mid-2024', 'en')).toBe('mid-2024');
    expect(formatPartialDate('', 'en')).toBe('');
  });
});

describe('formatScore', () => {
  it.each([
    [67.6, 'en', '67.6'],
    [67.6, 'fr', '67,6'],
    [67.6, 'es', '67,6'],
    [80, 'en', '80.0'],
    [33.14, 'fr', '33,1'],
  ])('shows %s in %s as %s', (score, language, shown) => {
    expect(formatScore(score, language)).toBe(shown);
  });
});

describe('formatPercent', () => {
  // French and Spanish put a no-break space before the sign (which one depends on the ICU data).
  it.each([
    [12.6, 'en', '12.6%'],
    [12.6, 'fr', '12,6 %'],
    [12.6, 'es', '12,6 %'],
    [75, 'fr', '75 %'],
    [0, 'en', '0%'],
  ])('shows %s in %s as %s', (percent, language, shown) => {
    expect(formatPercent(percent, language).replace(/\s/gu, ' ')).toBe(shown);
  });
});

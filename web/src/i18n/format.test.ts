import { describe, expect, it } from 'vitest';
import { formatPartialDate } from './format';

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

import { describe, expect, it } from 'vitest';
import { classifyColumn, detectionOf, headerStrength, values } from '../testing/classify.js';
import { DISTINCTIVE, NONE, SHAPE, STRONG_HEADER, VALID, WEAK_HEADER } from './detector.js';
import { phoneDetector, phoneMatcher } from './phone.js';

const fresh = (countries: string[] = []) => phoneMatcher({ today: '2026-11-30', countries });

describe('phone detector', () => {
  it.each([
    ['+254712345678', DISTINCTIVE, 'Kenya'],
    ['+33 6 12 34 56 78', DISTINCTIVE, 'France with spaces'],
    ['0033612345678', DISTINCTIVE, '00 international prefix'],
    ['+1 202-555-0143', DISTINCTIVE, 'United States'],
    ['+57 300 1234567', DISTINCTIVE, 'Colombia'],
    ['+44 7911 123456', DISTINCTIVE, 'United Kingdom'],
    ['+49 151 12345678', DISTINCTIVE, 'Germany'],
    ['+91 98765 43210', DISTINCTIVE, 'India'],
    ['+963 944 123 456', DISTINCTIVE, 'Syria'],
    ['+243 81 234 5678', DISTINCTIVE, 'DR Congo'],
    ['254712345678', VALID, 'country code without +'],
    ['0712345678', SHAPE, 'national format, country unknown'],
    ['+254 712 345', NONE, 'too short for Kenya'],
    ['+999123456789', NONE, 'no such country code'],
    ['INV-2024-0001', NONE, 'invoice number'],
    ['SKU-88321', NONE, 'product code'],
    ['2024-03-01', NONE, 'ISO date'],
    ['01/03/2024', NONE, 'day-first date'],
    ['2024-03-01T10:15:00Z', NONE, 'event timestamp'],
    ['12', NONE, 'count'],
    ['1,234,567', NONE, 'amount'],
    ['123.45', NONE, 'decimal'],
    ['0190d6c2-7e4b-7c3a-9f1e-2b3c4d5e6f70', NONE, 'UUID'],
    ['00000000', NONE, 'one repeated digit'],
  ])('%s → %i (%s)', (value, verdict) => {
    expect(fresh()(value)).toBe(verdict);
  });

  it('validates national numbers for the countries given in the context', () => {
    const kenya = fresh(['KE']);
    expect(kenya('0712 345 678')).toBe(VALID);
    expect(fresh(['FR'])('06 12 34 56 78')).toBe(VALID);
    expect(fresh(['FR'])('0712 345 678')).toBe(SHAPE);
  });

  it('learns the country of international numbers seen earlier in the same column', () => {
    const matcher = fresh();
    expect(matcher('0612345678')).toBe(SHAPE);
    expect(matcher('+33612345678')).toBe(DISTINCTIVE);
    expect(matcher('0612345678')).toBe(VALID);
  });

  it.each([
    ['telefono_movil', STRONG_HEADER],
    ['Téléphone', STRONG_HEADER],
    ['Teléfono celular', STRONG_HEADER],
    ['Mobile number', STRONG_HEADER],
    ['MSISDN', STRONG_HEADER],
    ['tel1', STRONG_HEADER],
    ['contact', WEAK_HEADER],
    ['invoice_number', 'veto'],
    ['phone_count', 'veto'],
    ['product code', 'veto'],
  ])('header %s → %s', (header, strength) => {
    expect(headerStrength(phoneDetector, header)).toBe(strength);
  });

  it('rates international numbers high without a header and shows masked examples only', () => {
    const detection = detectionOf(
      classifyColumn(
        'col',
        values(50, (i) => `+2547${12345600 + i}`),
      ),
      'phone',
    );
    expect(detection).toMatchObject({ confidence: 'high', matched: 50, sampled: 50 });
    expect(detection!.examples[0]).toBe('+2547******00');
    expect(JSON.stringify(detection)).not.toContain('12345600');
  });

  it('rates national numbers under a phone header high, and without a header not at all', () => {
    const national = values(40, (i) => `07${String(12345600 + i)}`);
    expect(detectionOf(classifyColumn('teléfono', national), 'phone')?.confidence).toBe('high');
    expect(detectionOf(classifyColumn('col', national), 'phone')).toBeUndefined();
  });

  it('rates bare numbers valid with their country code medium without a header', () => {
    const bare = values(40, (i) => `2547${12345600 + i * 7}`);
    expect(detectionOf(classifyColumn('col', bare), 'phone')?.confidence).toBe('medium');
  });

  it('never calls consecutive row numbers phones, even when their digits would validate', () => {
    expect(
      detectionOf(
        classifyColumn(
          'col',
          values(40, (i) => `2547${12345600 + i}`),
        ),
        'phone',
      ),
    ).toBeUndefined();
  });
});

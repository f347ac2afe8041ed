import { describe, expect, it } from 'vitest';
import { classifyColumn, detectionOf, headerStrength } from '../testing/classify.js';
import { DISTINCTIVE, NONE, STRONG_HEADER, VALID, WEAK_HEADER } from './detector.js';
import { ibanDetector, matchIban } from './iban.js';

describe('iban detector', () => {
  it.each([
    ['DE89370400440532013000', DISTINCTIVE],
    ['DE89 3704 0044 0532 0130 00', DISTINCTIVE],
    ['IBAN GB82 WEST 1234 5698 7654 32', DISTINCTIVE],
    ['fr14 2004 1010 0505 0001 3m02 606', DISTINCTIVE],
    ['DE89370400440532013001', NONE],
    ['DE8937040044053201300', NONE],
    ['CI93CI0080111301134291200589', VALID],
    ['INV-2024-0001-AAAA', NONE],
    ['1234567890123456', NONE],
  ])('%s → %i', (value, verdict) => {
    expect(matchIban(value)).toBe(verdict);
  });

  it.each([
    ['IBAN', STRONG_HEADER],
    ['Numéro de compte', STRONG_HEADER],
    ['cuenta_bancaria', STRONG_HEADER],
    ['account', WEAK_HEADER],
  ])('header %s → %s', (header, strength) => {
    expect(headerStrength(ibanDetector, header)).toBe(strength);
  });

  it('rates a column of IBANs high without a header and masks them', () => {
    const detection = detectionOf(
      classifyColumn('col', ['DE89370400440532013000', 'GB82WEST12345698765432']),
      'iban',
    );
    expect(detection).toMatchObject({ confidence: 'high', matched: 2 });
    expect(detection!.examples[0]).toBe('DE893***************00');
  });
});

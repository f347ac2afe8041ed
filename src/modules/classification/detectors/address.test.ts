import { describe, expect, it } from 'vitest';
import { classifyColumn, detectionOf, headerStrength } from '../testing/classify.js';
import { addressDetector, matchAddress } from './address.js';
import { NONE, SHAPE, STRONG_HEADER, VALID, WEAK_HEADER } from './detector.js';

describe('address detector', () => {
  it.each([
    ['12 Rue de la Paix, Paris', VALID],
    ['Calle 45 # 12-30, Bogotá', VALID],
    ['Plot 7, Kibera Road', VALID],
    ['P.O. Box 1234, Nairobi', VALID],
    ['BP 245 Dakar', VALID],
    ['Apartado 5521', VALID],
    ['Kilimani 4th floor', SHAPE],
    ['Nairobi', NONE],
    ['amina@example.org', NONE],
    ['12345', NONE],
  ])('%s → %i', (value, verdict) => {
    expect(matchAddress(value)).toBe(verdict);
  });

  it.each([
    ['Home address', STRONG_HEADER],
    ['Adresse', STRONG_HEADER],
    ['Dirección de residencia', STRONG_HEADER],
    ['residence', WEAK_HEADER],
    ['adresse électronique', 'veto'],
    ['dirección IP', 'veto'],
  ])('header %s → %s', (header, strength) => {
    expect(headerStrength(addressDetector, header)).toBe(strength);
  });

  it('rates street addresses medium without a header and high under an address header', () => {
    const addresses = ['12 Rue de la Paix', 'Calle 45 # 12-30', 'Plot 7, Kibera Road', '221B Baker Street'];
    expect(detectionOf(classifyColumn('col', addresses), 'address')?.confidence).toBe('medium');
    expect(detectionOf(classifyColumn('domicilio', addresses), 'address')?.confidence).toBe('high');
  });
});

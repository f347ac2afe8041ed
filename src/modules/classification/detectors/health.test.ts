import { describe, expect, it } from 'vitest';
import { classifyColumn, detectionOf, headerStrength } from '../testing/classify.js';
import { NONE, SHAPE, STRONG_HEADER, VALID, WEAK_HEADER } from './detector.js';
import { healthDetector, matchHealth } from './health.js';

describe('health detector', () => {
  it.each([
    ['HIV positive', VALID],
    ['Type 2 diabetes, controlled', VALID],
    ['Enceinte', VALID],
    ['discapacidad visual', VALID],
    ['yes', SHAPE],
    ['', NONE],
  ])('%s → %i', (value, verdict) => {
    expect(matchHealth(value)).toBe(verdict);
  });

  it.each([
    ['Diagnosis', STRONG_HEADER],
    ['disability', STRONG_HEADER],
    ['WG difficulty seeing', STRONG_HEADER],
    ['état de santé', STRONG_HEADER],
    ['enfermedad_cronica', STRONG_HEADER],
    ['specific needs', WEAK_HEADER],
    ['health facility', 'veto'],
  ])('header %s → %s', (header, strength) => {
    expect(headerStrength(healthDetector, header)).toBe(strength);
  });

  it('rates a disability column high under its header whatever the answers', () => {
    expect(detectionOf(classifyColumn('disability', ['yes', 'no', 'no', 'yes']), 'health')?.confidence).toBe(
      'high',
    );
  });

  it('rates named conditions medium without a header, and yes/no answers not at all', () => {
    expect(
      detectionOf(classifyColumn('col', ['Malaria', 'HIV', 'Tuberculosis', 'diabetes']), 'health')
        ?.confidence,
    ).toBe('medium');
    expect(detectionOf(classifyColumn('col', ['yes', 'no', 'no', 'yes']), 'health')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { classifyColumn, detectionOf, headerStrength } from '../testing/classify.js';
import { NONE, SHAPE, STRONG_HEADER, VALID } from './detector.js';
import { ethnicityDetector, matchEthnicity } from './ethnicity.js';

describe('ethnicity detector', () => {
  it.each([
    ['Indígena', VALID],
    ['Afrodescendiente', VALID],
    ['Pueblo Wayuu', SHAPE],
    ['Hawiye', SHAPE],
    ['A long answer that goes on and on with far too many words to be a category at all', NONE],
  ])('%s → %i', (value, verdict) => {
    expect(matchEthnicity(value)).toBe(verdict);
  });

  it.each([
    ['Ethnicity', STRONG_HEADER],
    ['Groupe ethnique', STRONG_HEADER],
    ['pertenencia_etnica', STRONG_HEADER],
    ['clan', STRONG_HEADER],
    ['group', 0],
  ])('header %s → %s', (header, strength) => {
    expect(headerStrength(ethnicityDetector, header)).toBe(strength);
  });

  it('needs the header: the same values under another header are not ethnicity', () => {
    const answers = ['Indígena', 'Mestizo', 'Afrodescendiente', 'Ninguno'];
    expect(detectionOf(classifyColumn('etnia', answers), 'ethnicity')?.confidence).toBe('high');
    expect(detectionOf(classifyColumn('col', answers), 'ethnicity')).toBeUndefined();
  });
});

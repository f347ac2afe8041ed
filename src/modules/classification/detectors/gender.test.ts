import { describe, expect, it } from 'vitest';
import { classifyColumn, detectionOf, headerStrength, values } from '../testing/classify.js';
import { NONE, SHAPE, STRONG_HEADER, VALID } from './detector.js';
import { genderDetector, matchGender } from './gender.js';

const SEXES = values(20, (i) => (i % 2 ? 'M' : 'F'));

describe('gender detector', () => {
  it.each([
    ['M', VALID],
    ['f', VALID],
    ['Femme', VALID],
    ['Mujer', VALID],
    ['Masculino', VALID],
    ['H', VALID],
    ['Other', SHAPE],
    ['Prefiere no decir', SHAPE],
    ['XL', NONE],
    ['Yes', NONE],
  ])('%s → %i', (value, verdict) => {
    expect(matchGender(value)).toBe(verdict);
  });

  it.each([
    ['Sexe', STRONG_HEADER],
    ['sexo_jefe_hogar', STRONG_HEADER],
    ['Gender', STRONG_HEADER],
    ['Género', STRONG_HEADER],
    ['size', 'veto'],
    ['sex ratio', 'veto'],
  ])('header %s → %s', (header, strength) => {
    expect(headerStrength(genderDetector, header)).toBe(strength);
  });

  it('rates M/F medium from values alone, high under a sex header or in a dataset about people', () => {
    expect(detectionOf(classifyColumn('col', SEXES), 'gender')?.confidence).toBe('medium');
    expect(detectionOf(classifyColumn('sexo', SEXES), 'gender')?.confidence).toBe('high');
    expect(detectionOf(classifyColumn('col', SEXES, { personContext: true }), 'gender')?.confidence).toBe(
      'high',
    );
  });

  it('ignores HXL counts disaggregated by sex (#affected+f)', () => {
    const counts = values(10, (i) => String(10 + i * 3));
    expect(classifyColumn('Women', counts, { hxl: { hashtag: 'affected', attributes: ['f'] } })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { classifyColumn, detectionOf, headerStrength, values } from '../testing/classify.js';
import { NONE, SHAPE, STRONG_HEADER, VALID, WEAK_HEADER } from './detector.js';
import { matchNationality, nationalityDetector } from './nationality.js';

const ORIGINS = values(12, (i) => ['Venezuela', 'Colombia', 'Somalia', 'Soudan du Sud'][i % 4]!);

describe('nationality detector', () => {
  it.each([
    ['Venezuela', VALID],
    ['Soudan du Sud', VALID],
    ['República Democrática del Congo', VALID],
    ['venezolana', VALID],
    ['Congolais', VALID],
    ['South Sudanese', VALID],
    ['Stateless', VALID],
    ['KE', SHAPE],
    ['South', NONE],
    ['Blue', NONE],
  ])('%s → %i', (value, verdict) => {
    expect(matchNationality(value)).toBe(verdict);
  });

  it.each([
    ['Nationality', STRONG_HEADER],
    ['Nacionalidad', STRONG_HEADER],
    ["pays d'origine", STRONG_HEADER],
    ['country', WEAK_HEADER],
    ['office country', 'veto'],
  ])('header %s → %s', (header, strength) => {
    expect(headerStrength(nationalityDetector, header)).toBe(strength);
  });

  it('rates country names low alone, medium about people, and high under a nationality header', () => {
    expect(detectionOf(classifyColumn('col', ORIGINS), 'nationality')?.confidence).toBe('low');
    expect(
      detectionOf(classifyColumn('col', ORIGINS, { personContext: true }), 'nationality')?.confidence,
    ).toBe('medium');
    expect(detectionOf(classifyColumn('nacionalidad', ORIGINS), 'nationality')?.confidence).toBe('high');
  });

  it('does not read an HXL #country column as nationality', () => {
    expect(
      detectionOf(
        classifyColumn('col', ORIGINS, { hxl: { hashtag: 'country', attributes: ['name'] } }),
        'nationality',
      ),
    ).toBeUndefined();
  });
});

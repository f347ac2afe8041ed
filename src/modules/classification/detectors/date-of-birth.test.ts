import { describe, expect, it } from 'vitest';
import { classifyColumn, detectionOf, headerStrength, values } from '../testing/classify.js';
import { dateOfBirthDetector, dateOfBirthMatcher, maskDate } from './date-of-birth.js';
import { NONE, SHAPE, STRONG_HEADER, VALID } from './detector.js';

const match = dateOfBirthMatcher({ today: '2026-11-30', countries: [] });
const BIRTHS = values(30, (i) => `19${60 + i}-0${1 + (i % 9)}-1${i % 9}`);

describe('date_of_birth detector', () => {
  it.each([
    ['1985-03-12', VALID],
    ['12/03/1985', VALID],
    ['12 de marzo de 1985', VALID],
    ['1900-01-01', VALID],
    ['2026-11-30', VALID],
    ['2026-12-01', NONE],
    ['1899-12-31', NONE],
    ['1985-02-30', NONE],
    ['1985', SHAPE],
    ['1850', NONE],
    ['2024-03-01T10:15:00Z', NONE],
    ['unknown', NONE],
  ])('%s → %i', (value, verdict) => {
    expect(match(value)).toBe(verdict);
  });

  it.each([
    ['Date of birth', STRONG_HEADER],
    ['DOB', STRONG_HEADER],
    ['fecha_de_nacimiento', STRONG_HEADER],
    ['FechaNacimiento', STRONG_HEADER],
    ['Date de naissance', STRONG_HEADER],
    ['année de naissance', STRONG_HEADER],
    ['report_date', 'veto'],
    ['date', 0],
    ['birth registration date', 'veto'],
    ['place of birth', 'veto'],
  ])('header %s → %s', (header, strength) => {
    expect(headerStrength(dateOfBirthDetector, header)).toBe(strength);
  });

  it('rates real dates under a birth header high and masks all but the century', () => {
    const detection = detectionOf(classifyColumn('fecha de nacimiento', BIRTHS), 'date_of_birth');
    expect(detection).toMatchObject({ confidence: 'high', matched: 30 });
    expect(detection!.examples[0]).toBe('19**-**-**');
  });

  it('never calls dates a date of birth without a birth header', () => {
    expect(detectionOf(classifyColumn('report_date', BIRTHS), 'date_of_birth')).toBeUndefined();
    expect(detectionOf(classifyColumn('col', BIRTHS), 'date_of_birth')).toBeUndefined();
  });

  it('keeps a birth column low when its values are not plausible dates', () => {
    const future = values(10, (i) => `2030-01-1${i}`);
    expect(detectionOf(classifyColumn('DOB', future), 'date_of_birth')?.confidence).toBe('low');
  });

  it('masks dates written with month names too', () => {
    expect(maskDate('12 mars 1985')).toBe('12 **** ****');
  });
});

import { describe, expect, it } from 'vitest';
import { classifyColumn, detectionOf, headerStrength, values } from '../testing/classify.js';
import { NONE, SHAPE, STRONG_HEADER, VALID, WEAK_HEADER } from './detector.js';
import { matchPersonName, personNameDetector } from './person-name.js';

const PEOPLE = ['Amina Yusuf', 'José García', 'Fatou Diallo', 'Chloé Martin', 'Ahmed Haddad', 'María López'];

describe('person_name detector', () => {
  it.each([
    ['Amina Yusuf', VALID],
    ['MARÍA DE LOS ÁNGELES LÓPEZ', VALID],
    ['Ahmed bin Said', VALID],
    ["N'Golo O'Brien", SHAPE],
    ['Wanjiru', VALID],
    ['Kamau Otieno', SHAPE],
    ['Yusuf, Amina', VALID],
    ['Kakuma Camp', NONE],
    ['Nairobi Office', NONE],
    ['amina yusuf', NONE],
    ['Amina Yusuf 2', NONE],
    ['john@example.org', NONE],
    ['The quick brown fox jumps over', NONE],
    ['', NONE],
  ])('%s → %i', (value, verdict) => {
    expect(matchPersonName(value)).toBe(verdict);
  });

  it.each([
    ['Nom', STRONG_HEADER],
    ['Prénom', STRONG_HEADER],
    ['apellido_paterno', STRONG_HEADER],
    ['Nombre completo', STRONG_HEADER],
    ['first_name', STRONG_HEADER],
    ['FullName', STRONG_HEADER],
    ['Name', WEAK_HEADER],
    ['nombre', WEAK_HEADER],
    ['Product name', 'veto'],
    ['Office name', 'veto'],
    ['nom du village', 'veto'],
    ['Nombre de personnes', 'veto'],
  ])('header %s → %s', (header, strength) => {
    expect(headerStrength(personNameDetector, header)).toBe(strength);
  });

  it('rates a name column high under a name header and shows initials only', () => {
    const detection = detectionOf(classifyColumn('Nom complet', PEOPLE), 'person_name');
    expect(detection).toMatchObject({ confidence: 'high', matched: 6 });
    expect(detection!.examples).toEqual(['A**** Y****', 'J**** G****', 'F**** D****']);
  });

  it('rates common names medium without a header, and a weak header in a dataset about people high', () => {
    expect(detectionOf(classifyColumn('col', PEOPLE), 'person_name')?.confidence).toBe('medium');
    expect(
      detectionOf(classifyColumn('name', PEOPLE, { personContext: true }), 'person_name')?.confidence,
    ).toBe('high');
  });

  it('does not call place names under a product or office header people', () => {
    const offices = values(10, (i) => ['Dadaab', 'Kakuma', 'Goma', 'Cúcuta', 'Maiduguri'][i % 5]!);
    expect(detectionOf(classifyColumn('office name', offices), 'person_name')).toBeUndefined();
    expect(detectionOf(classifyColumn('col', offices), 'person_name')).toBeUndefined();
  });
});

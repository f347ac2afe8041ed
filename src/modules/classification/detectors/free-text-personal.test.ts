import { describe, expect, it } from 'vitest';
import { classifyColumn, detectionOf, headerStrength, values } from '../testing/classify.js';
import { NONE, SHAPE, STRONG_HEADER, VALID, WEAK_HEADER } from './detector.js';
import { freeTextPersonalDetector, matchFreeTextPersonal, mentionsProtection } from './free-text-personal.js';

const NOTES = [
  'The mother reports that her son has not attended school since March.',
  'La señora vive con su esposo y tres hijos en el barrio norte.',
  'Il a été menacé par un voisin; sa femme demande un transfert.',
  'Distribution completed at the warehouse without any incident today.',
];

describe('free_text_personal detector', () => {
  it.each([
    [NOTES[0]!, VALID],
    [NOTES[1]!, VALID],
    [NOTES[2]!, VALID],
    [NOTES[3]!, SHAPE],
    ['Call back at +254 712 345 678 after the distribution', VALID],
    ['ok', NONE],
    ['Short note here', NONE],
  ])('%s → %i', (value, verdict) => {
    expect(matchFreeTextPersonal(value)).toBe(verdict);
  });

  it('recognises protection vocabulary in three languages', () => {
    expect(mentionsProtection('She is a survivor of sexual assault')).toBe(true);
    expect(mentionsProtection('victime de violence et menacée')).toBe(true);
    expect(mentionsProtection('sobreviviente de violencia, amenazada')).toBe(true);
    expect(mentionsProtection('Distribution completed')).toBe(false);
  });

  it.each([
    ['Notes', STRONG_HEADER],
    ['case_notes', STRONG_HEADER],
    ['Observaciones', STRONG_HEADER],
    ['Commentaires', STRONG_HEADER],
    ['description', WEAK_HEADER],
  ])('header %s → %s', (header, strength) => {
    expect(headerStrength(freeTextPersonalDetector, header)).toBe(strength);
  });

  it('rates case notes about people high under a notes header and medium without one', () => {
    const notes = values(20, (i) => NOTES[i % 3]!);
    expect(detectionOf(classifyColumn('notes', notes), 'free_text_personal')?.confidence).toBe('high');
    expect(detectionOf(classifyColumn('col', notes), 'free_text_personal')?.confidence).toBe('medium');
  });

  it('adds the protection signal when notes speak of violence, threats or abuse', () => {
    const notes = ['Survivor of violence, threatened by her husband last week.', NOTES[0]!];
    expect(detectionOf(classifyColumn('notes', notes), 'free_text_personal')?.signals).toEqual([
      'protection',
    ]);
  });

  it('does not call impersonal free text personal', () => {
    expect(
      detectionOf(
        classifyColumn(
          'col',
          values(10, () => NOTES[3]!),
        ),
        'free_text_personal',
      ),
    ).toBeUndefined();
  });
});

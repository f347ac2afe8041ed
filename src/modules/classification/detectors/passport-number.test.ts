import { describe, expect, it } from 'vitest';
import { classifyColumn, detectionOf, headerStrength, values } from '../testing/classify.js';
import { DISTINCTIVE, NONE, SHAPE, STRONG_HEADER } from './detector.js';
import { hasValidMrz, matchPassportNumber, passportNumberDetector } from './passport-number.js';

// The specimen documents of ICAO Doc 9303 (fictional "Utopia"): a TD3 passport and a TD2 card.
const TD3 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';
const TD2 = 'I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6';

describe('passport_number detector', () => {
  it.each([
    [TD3, DISTINCTIVE, 'TD3 passport MRZ'],
    [TD3.replace('\n', ' '), DISTINCTIVE, 'MRZ lines on one line'],
    ['L898902C36UTO7408122F1204159ZE184226B<<<<<10', DISTINCTIVE, 'second line alone'],
    [TD2, DISTINCTIVE, 'TD2 MRZ'],
    ['L898902C37UTO7408122F1204159ZE184226B<<<<<10', NONE, 'wrong document-number check digit'],
    ['L898902C36UTO7408122F1204159ZE184226B<<<<<11', NONE, 'wrong composite check digit'],
    ['AB1234567', SHAPE, 'bare passport number'],
    ['C01X00T47', SHAPE, 'German-style number'],
    ['Amina', NONE, 'a name'],
    ['12', NONE, 'a count'],
  ])('%s → %i (%s)', (value, verdict) => {
    expect(matchPassportNumber(value)).toBe(verdict);
  });

  it('checks every check digit of the MRZ, not only its shape', () => {
    expect(hasValidMrz(TD3)).toBe(true);
    expect(hasValidMrz(TD3.replace('7408122', '7408132'))).toBe(false);
    expect(hasValidMrz(TD3.replace('1204159', '1204169'))).toBe(false);
  });

  it.each([
    ['Passport No.', STRONG_HEADER],
    ['numéro de passeport', STRONG_HEADER],
    ['Pasaporte', STRONG_HEADER],
    ['passport expiry date', 'veto'],
  ])('header %s → %s', (header, strength) => {
    expect(headerStrength(passportNumberDetector, header)).toBe(strength);
  });

  it('rates MRZ lines high without a header, and bare numbers only under a passport header', () => {
    expect(detectionOf(classifyColumn('col', [TD3, TD2]), 'passport_number')?.confidence).toBe('high');
    const numbers = values(10, (i) => `AB${1234560 + i * 13}`);
    expect(detectionOf(classifyColumn('col', numbers), 'passport_number')).toBeUndefined();
    expect(detectionOf(classifyColumn('passport', numbers), 'passport_number')?.confidence).toBe('high');
  });
});

import { describe, expect, it } from 'vitest';
import { icaoCheckDigit, icaoFieldValid, luhnValid, mod97Valid, verhoeffValid } from './checksums.js';

describe('check-digit algorithms', () => {
  it.each([
    ['4111111111111111', true],
    ['79927398713', true],
    ['79927398710', false],
    ['4111111111111112', false],
    ['12a4', false],
  ])('Luhn %s → %s', (digits, valid) => {
    expect(luhnValid(digits)).toBe(valid);
  });

  it.each([
    ['DE89370400440532013000', true],
    ['GB82WEST12345698765432', true],
    ['FR1420041010050500013M02606', true],
    ['DE89370400440532013001', false],
    ['GB82 WEST', false],
  ])('ISO 7064 MOD 97-10 %s → %s', (iban, valid) => {
    expect(mod97Valid(iban)).toBe(valid);
  });

  it('computes ICAO 9303 check digits with weights 7-3-1 (the specimen passport of Doc 9303)', () => {
    expect(icaoCheckDigit('L898902C3')).toBe(6);
    expect(icaoCheckDigit('740812')).toBe(2);
    expect(icaoCheckDigit('120415')).toBe(9);
    expect(icaoCheckDigit('ZE184226B<<<<<')).toBe(1);
    expect(icaoCheckDigit('AB1?')).toBeNull();
    expect(icaoFieldValid('<<<<<<<<<<<<<<', '<')).toBe(true);
    expect(icaoFieldValid('L898902C3', '7')).toBe(false);
  });

  it.each([
    ['2363', true],
    ['2364', false],
    ['234123412346', true],
    ['234123412347', false],
  ])('Verhoeff %s → %s', (digits, valid) => {
    expect(verhoeffValid(digits)).toBe(valid);
  });
});

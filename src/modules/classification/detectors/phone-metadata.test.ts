import { getCountries, getCountryCallingCode, getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../reservoir.js';
import { internationalCountry, internationalCountrySlow } from './phone-metadata.js';

/**
 * Digit strings after a `+`: every country's example mobile number, then variants of it (a digit
 * changed, one added or removed, a national prefix 0 written after the calling code, random
 * digits), then random strings of 5–20 digits (unknown, shared and non-geographic calling codes).
 */
function generated(): string[] {
  const random = seededRandom(4);
  const digit = () => String(Math.floor(random() * 10));
  const values: string[] = [];
  for (const country of getCountries()) {
    const code = getCountryCallingCode(country);
    const example = getExampleNumber(country, examples)?.nationalNumber ?? '712345678';
    values.push(`${code}${example}`);
    for (let k = 0; k < 120; k++) {
      let national = example.split('');
      const change = Math.floor(random() * 4);
      if (change === 0) national[Math.floor(random() * national.length)] = digit();
      else if (change === 1) national.push(digit());
      else if (change === 2) national.pop();
      else national = Array.from({ length: 4 + Math.floor(random() * 10) }, digit);
      if (random() < 0.15) national.unshift('0');
      values.push(`${code}${national.join('')}`);
    }
  }
  for (let k = 0; k < 20_000; k++)
    values.push(Array.from({ length: 5 + Math.floor(random() * 16) }, digit).join(''));
  return values;
}

describe('international phone numbers without the parser', () => {
  const values = generated();

  it('agrees with libphonenumber (valid or not, and the country) on every generated number', () => {
    const differences = values
      .map((digits) => ({
        digits,
        fast: internationalCountry(digits),
        slow: internationalCountrySlow(digits),
      }))
      .filter((r) => r.fast !== r.slow);
    expect(differences).toEqual([]);
  });

  it('covers valid numbers of every country and invalid ones', () => {
    const answers = values.map((digits) => internationalCountrySlow(digits));
    const countries = new Set(answers.filter((c) => typeof c === 'string'));
    expect(countries.size).toBeGreaterThan(200);
    expect(answers.filter((c) => c === null).length).toBeGreaterThan(values.length / 3);
  });

  it.each([
    ['254712345678', 'KE'],
    ['2540712345678', 'KE'], // national prefix after the calling code: the library strips it
    ['12025550143', 'US'], // +1 is shared by 25 countries: the library decides
    ['442071838750', 'GB'], // +44 is shared with Guernsey, Jersey and the Isle of Man,
    ['999123456789', null], // no such calling code
    ['0612345678', null], // a calling code never starts with 0
    ['25471234', null], // too short for Kenya
  ])('+%s → %s', (digits, country) => {
    expect(internationalCountry(digits)).toBe(country);
  });
});

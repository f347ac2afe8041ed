import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, isCountryCode } from './countries.js';

describe('country codes', () => {
  it('holds the 249 assigned ISO 3166-1 alpha-2 codes plus XK', () => {
    expect(COUNTRY_CODES.size).toBe(250);
    expect(isCountryCode('XK')).toBe(true);
  });

  it('names every code it accepts, so none is a typo', () => {
    const names = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
    expect([...COUNTRY_CODES].filter((code) => !names.of(code))).toEqual([]);
  });

  it.each(['KE', 'FR', 'SS', 'PS'])('accepts %s', (code) => {
    expect(isCountryCode(code)).toBe(true);
  });

  it.each(['XX', 'ZZ', 'UK', 'EU', 'YU', 'ke', 'KEN', ''])('refuses %s', (code) => {
    expect(isCountryCode(code)).toBe(false);
  });
});

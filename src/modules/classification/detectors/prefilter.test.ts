import { describe, expect, it } from 'vitest';
import { MATCH } from '../testing/classify.js';
import {
  HAS_AT,
  HAS_COLON,
  HAS_COMMA,
  HAS_DIGIT,
  HAS_DOT,
  HAS_LETTER,
  HAS_SPACE,
  NONE,
  VALID,
  profileOf,
} from './detector.js';
import { DETECTORS } from './registry.js';

/** Values of every kind the detectors look for, and look-alikes. */
const CORPUS = [
  'amina.yusuf@example.org',
  'chloé.martin@exemple.fr',
  'mailto:fatou@ngo.example',
  '+254712345678',
  '+33 6 12 34 56 78',
  '0033612345678',
  '254712345678',
  '0712345678',
  '(020) 7946 0958',
  'Amina Yusuf',
  'MARÍA DE LOS ÁNGELES LÓPEZ',
  "N'Golo O'Brien",
  'Yusuf, Amina',
  'Wanjiru',
  '1985-03-12',
  '12/03/1985',
  '12 de marzo de 1985',
  'March 12, 1985',
  '19850312',
  '1985',
  '12345678Z',
  'X1234567L',
  'GODE561231HDFRRN00',
  '1 85 05 78 006 084 91',
  '2341 2341 2346',
  '123-45-6789',
  '529.982.247-25',
  '12.345.678-5',
  '8001015009087',
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10',
  'AB1234567',
  'DE89 3704 0044 0532 0130 00',
  'IBAN GB82 WEST 1234 5698 7654 32',
  'CI93CI0080111301134291200589',
  '4111 1111 1111 1111',
  '378282246310005',
  '192.168.1.20',
  '2001:db8::8a2e:370:7334',
  '10.0.0.0/8',
  '-1.292066, 36.821946',
  '1°17\'31.4"S 36°49\'19.0"E',
  '-1.292066',
  '12 Rue de la Paix, Paris',
  'P.O. Box 1234, Nairobi',
  'Kilimani 4th floor',
  'M',
  'Femme',
  'Prefiere no decir',
  'Venezuela',
  'South Sudanese',
  'KE',
  'Indígena',
  'Catholic',
  "Jehovah's Witness",
  'Catholic (2)',
  'HIV positive',
  'Type 2 diabetes, controlled',
  'yes',
  '0',
  `Rk1SACAyMAAAAAE${'A'.repeat(80)}`,
  'right_thumb_0042.wsq',
  'photo_0042.jpg',
  'KEN-14C00231',
  '42',
  'The mother reports that her son has not attended school since March.',
  'Call back at +254 712 345 678 after the distribution',
  'AKIAIOSFODNN7EXAMPLE',
  `ghp_${'a1B2c3D4e5'.repeat(4)}`,
  '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA...',
  `$2b$12$${'a'.repeat(53)}`,
  'hunter2',
  'INV-2024-0001',
  'SKU-88321',
  '2024-03-01T10:15:00Z',
  '0190d6c2-7e4b-7c3a-9f1e-2b3c4d5e6f70',
  '1,234,567',
];

describe('detector prefilters', () => {
  it('profiles the characters of a value once', () => {
    expect(profileOf('a@b.c: 1')).toEqual({
      chars: HAS_LETTER | HAS_AT | HAS_DOT | HAS_COLON | HAS_SPACE | HAS_DIGIT,
      length: 8,
    });
    expect(profileOf('é').chars).toBe(HAS_LETTER);
    expect(profileOf('1;2').chars).toBe(HAS_DIGIT | HAS_COMMA);
  });

  for (const detector of DETECTORS.filter((d) => d.prefilter && d.matcher)) {
    it(`${detector.id}: never turns down a value its matcher would count`, () => {
      const match = detector.matcher!(MATCH);
      for (const value of CORPUS) {
        const verdict = match(value);
        const profile = profileOf(value);
        if (verdict !== NONE)
          expect({ value, withHeader: detector.prefilter!(profile, true) }).toEqual({
            value,
            withHeader: true,
          });
        if (verdict >= VALID)
          expect({ value, alone: detector.prefilter!(profile, false) }).toEqual({ value, alone: true });
      }
    });
  }
});

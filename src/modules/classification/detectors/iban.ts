import { assessStandard } from './confidence.js';
import { mod97Valid } from './checksums.js';
import {
  DISTINCTIVE,
  HAS_AT,
  HAS_COMMA,
  HAS_DIGIT,
  HAS_DOT,
  HAS_LETTER,
  NONE,
  VALID,
  headerTerms,
  type Detector,
  type Verdict,
} from './detector.js';

/** IBAN lengths per country (SWIFT IBAN Registry): a known country with the wrong length is refused. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
};

/**
 * IBANs (ISO 13616): two letters, two check digits, up to 30 letters and digits; ISO 7064 MOD 97-10
 * must give 1. DISTINCTIVE when the country's registered length also matches; VALID for countries
 * outside the registry (several use IBAN-like numbers) when the checksum holds.
 */
export function matchIban(value: string): Verdict {
  const text = value.trim();
  if (text.length < 15 || text.length > 42) return NONE;
  const compact = text
    .toUpperCase()
    .replace(/^IBAN[:\s]*/, '')
    .replace(/[\s-]/g, '');
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact) || !mod97Valid(compact)) return NONE;
  const expected = IBAN_LENGTHS[compact.slice(0, 2)];
  if (expected === undefined) return VALID;
  return expected === compact.length ? DISTINCTIVE : NONE;
}

export const ibanDetector: Detector = {
  id: 'iban',
  header: headerTerms({
    strong: [
      'iban',
      'bank account',
      'account number',
      'compte bancaire',
      'numéro de compte',
      'rib',
      'cuenta bancaria',
      'número de cuenta',
    ],
    weak: ['account', 'compte', 'cuenta'],
  }),
  // An @, a dot, a comma or a semicolon would stay in the compact form, which allows none.
  prefilter: (p) =>
    (p.chars & (HAS_DIGIT | HAS_LETTER | HAS_AT | HAS_DOT | HAS_COMMA)) === (HAS_DIGIT | HAS_LETTER) &&
    p.length >= 15,
  matcher: () => matchIban,
  assess: (evidence) => assessStandard(evidence, { valueOnly: 'high', distinctive: 'high' }),
};

import { assessStandard } from './confidence.js';
import { icaoFieldValid } from './checksums.js';
import {
  DISTINCTIVE,
  HAS_AT,
  HAS_DIGIT,
  NONE,
  SHAPE,
  headerTerms,
  type Detector,
  type Verdict,
} from './detector.js';

/**
 * Second MRZ line of a passport (ICAO Doc 9303 part 4, TD3, 44 characters): document number and its
 * check digit, nationality, birth date + check, sex, expiry + check, optional data + check, and a
 * composite check over number, birth, expiry and optional data (with their check digits).
 */
function td3Line(line: string): boolean {
  if (!/^[A-Z0-9<]{9}[0-9<][A-Z<]{3}\d{6}\d[MFX<]\d{6}\d[A-Z0-9<]{14}[0-9<]\d$/.test(line)) return false;
  const number = line.slice(0, 9);
  const birth = line.slice(13, 19);
  const expiry = line.slice(21, 27);
  const optional = line.slice(28, 42);
  return (
    icaoFieldValid(number, line[9]!) &&
    icaoFieldValid(birth, line[19]!) &&
    icaoFieldValid(expiry, line[27]!) &&
    icaoFieldValid(optional, line[42]!) &&
    icaoFieldValid(line.slice(0, 10) + line.slice(13, 20) + line.slice(21, 43), line[43]!)
  );
}

/** Second line of a TD2 travel document (part 6, 36 characters): the same fields, shorter optional data. */
function td2Line(line: string): boolean {
  if (!/^[A-Z0-9<]{9}[0-9<][A-Z<]{3}\d{6}\d[MFX<]\d{6}\d[A-Z0-9<]{7}\d$/.test(line)) return false;
  return (
    icaoFieldValid(line.slice(0, 9), line[9]!) &&
    icaoFieldValid(line.slice(13, 19), line[19]!) &&
    icaoFieldValid(line.slice(21, 27), line[27]!) &&
    icaoFieldValid(line.slice(0, 10) + line.slice(13, 20) + line.slice(21, 35), line[35]!)
  );
}

/** Whether the value holds a machine-readable zone line whose check digits all agree. */
export function hasValidMrz(value: string): boolean {
  const lines = value
    .toUpperCase()
    .split(/[\r\n]+|\s{2,}|\s(?=[A-Z0-9<]{30,})/)
    .map((line) => line.replace(/\s/g, ''));
  return lines.some((line) => (line.length === 44 && td3Line(line)) || (line.length === 36 && td2Line(line)));
}

/**
 * MRZ lines with valid ICAO 9303 check digits (weights 7-3-1) are DISTINCTIVE: they name a
 * passport on their own. A bare passport number (6–9 letters and digits with at least 5 digits)
 * is SHAPE and counts only under a passport header.
 */
export function matchPassportNumber(value: string): Verdict {
  const text = value.trim();
  if (text.length >= 36 && text.includes('<') && hasValidMrz(text)) return DISTINCTIVE;
  if (text.length < 6 || text.length > 12) return NONE;
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  if (/^[A-Z0-9]{6,9}$/.test(compact) && (compact.match(/\d/g)?.length ?? 0) >= 5) return SHAPE;
  return NONE;
}

export const passportNumberDetector: Detector = {
  id: 'passport_number',
  header: headerTerms({
    strong: [
      'passport',
      'passport number',
      'passport no',
      'passeport',
      'numéro de passeport',
      'pasaporte',
      'número de pasaporte',
      'travel document',
      'document de voyage',
      'documento de viaje',
      'mrz',
      'machine readable zone',
    ],
    veto: [
      'expiry',
      'expiration',
      'vencimiento',
      'issue',
      'délivrance',
      'expedición',
      'country',
      'pays',
      'país',
    ],
  }),
  // Without a header only MRZ lines (36 or 44 characters) count.
  prefilter: (p, withHeader) =>
    (p.chars & HAS_DIGIT) !== 0 && (p.chars & HAS_AT) === 0 && (withHeader || p.length >= 36),
  matcher: () => matchPassportNumber,
  assess: (evidence) => assessStandard(evidence, { valueOnly: null, distinctive: 'high' }),
};

import { assessStandard } from './confidence.js';
import { luhnValid, verhoeffValid } from './checksums.js';
import { isCalendarDate } from './dates.js';
import {
  HAS_AT,
  HAS_DIGIT,
  NONE,
  SHAPE,
  VALID,
  headerTerms,
  type Detector,
  type Verdict,
} from './detector.js';

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spain: DNI (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter), letter = number mod 23. */
function spanishId(text: string): boolean {
  const m = /^([XYZ]|\d)(\d{7})-?([A-Z])$/.exec(text);
  if (!m) return false;
  const lead = m[1]!;
  const number = Number(`${'XYZ'.includes(lead) ? 'XYZ'.indexOf(lead) : lead}${m[2]}`);
  return DNI_LETTERS[number % 23] === m[3];
}

const CURP_STATES =
  'AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS TL VZ YN ZS NE'.split(
    ' ',
  );

/** Mexico: CURP, 18 characters with a birth date, sex and state of birth, and a check digit. */
function curp(text: string): boolean {
  const m = /^[A-Z][AEIOUX][A-Z]{2}(\d{2})(\d{2})(\d{2})[HMX]([A-Z]{2})[B-DF-HJ-NP-TV-Z]{3}[A-Z\d]\d$/.exec(
    text,
  );
  if (!m || !CURP_STATES.includes(m[4]!)) return false;
  if (!isCalendarDate(2000 + Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  const alphabet = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(text[i]!) * (18 - i);
  return (10 - (sum % 10)) % 10 === Number(text[17]);
}

/** France: NIR (social security number), 13 digits + a key = 97 − (number mod 97); Corsica 2A/2B. */
function frenchNir(text: string): boolean {
  const m = /^([12])(\d{2})(0[1-9]|1[0-2]|[2-9]\d)(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})$/.exec(text);
  if (!m) return false;
  const digits = `${m[1]}${m[2]}${m[3]}${m[4]!.replace('2A', '19').replace('2B', '18')}${m[5]}${m[6]}`;
  return 97 - Number(BigInt(digits) % 97n) === Number(m[7]);
}

/** India: Aadhaar, 12 digits not starting with 0 or 1, Verhoeff check digit. */
function aadhaar(digits: string): boolean {
  return /^[2-9]\d{11}$/.test(digits) && verhoeffValid(digits);
}

/** United States: SSN written ddd-dd-dddd with an area, group and serial that are issued. */
function usSsn(text: string): boolean {
  const m = /^(\d{3})-(\d{2})-(\d{4})$/.exec(text);
  return (
    !!m && m[1] !== '000' && m[1] !== '666' && !m[1]!.startsWith('9') && m[2] !== '00' && m[3] !== '0000'
  );
}

/** Brazil: CPF, 11 digits with two mod-11 check digits. */
function brazilCpf(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || /^(\d)\1+$/.test(digits)) return false;
  const check = (length: number) => {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += Number(digits[i]) * (length + 1 - i);
    const rest = (sum * 10) % 11;
    return rest === 10 ? 0 : rest;
  };
  return check(9) === Number(digits[9]) && check(10) === Number(digits[10]);
}

/** Chile: RUT/RUN, digits then a mod-11 check character (0–9 or K) after a dash. */
function chileRut(text: string): boolean {
  // At least 7 digits, a dash and the check character: most values fail this before the pattern.
  if (text.length < 9 || text.charCodeAt(text.length - 2) !== 45) return false;
  const m = /^(\d{1,2}(?:\.?\d{3}){2})-([\dK])$/.exec(text);
  if (!m) return false;
  const body = m[1]!.replace(/\./g, '');
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    sum += Number(body[i]) * factor;
    factor = factor === 7 ? 2 : factor + 1;
  }
  const rest = 11 - (sum % 11);
  const expected = rest === 11 ? '0' : rest === 10 ? 'K' : String(rest);
  return expected === m[2];
}

/** South Africa: 13-digit ID with a birth date and a Luhn check digit. */
function southAfricanId(digits: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})\d{7}$/.exec(digits);
  return !!m && isCalendarDate(2000 + Number(m[1]), Number(m[2]), Number(m[3])) && luhnValid(digits);
}

/**
 * National identity numbers. Formats with a check digit or a strict structure are VALID (Spanish
 * DNI/NIE, Mexican CURP, French NIR, Indian Aadhaar, US SSN, Brazilian CPF, Chilean RUT, South
 * African ID); any other identifier-like token (5–20 letters and digits with at least 4 digits,
 * e.g. a Kenyan or Colombian number) is SHAPE, which counts only under an identity header.
 */
export function matchNationalId(value: string): Verdict {
  const raw = value.trim();
  const n = raw.length;
  if (n < 5 || n > 24) return NONE;
  // One pass over an ASCII value answers what the patterns below would; other text takes them.
  let digits = 0;
  let letters = 0;
  let lower = false;
  /** Characters `compact` drops (white space and dots), and those of them the SHAPE pattern refuses. */
  let dropped = 0;
  let notShape = 0;
  let slashes = 0;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      letters++;
      if (c >= 97) lower = true;
    } else if (c >= 128) return matchNonAsciiId(raw);
    // Neither ID_TEXT nor the all-digit formats can accept the value any more.
    else if (i === 0) return NONE;
    else if (c === 32) dropped++;
    else if (c === 46 || (c >= 9 && c <= 13)) {
      dropped++;
      notShape++;
    } else if (c === 47) slashes++;
    else if (c !== 45) return NONE;
  }
  // Digits only (ids, amounts, phone numbers without +): only the all-digit formats can apply.
  if (digits === n) {
    const valid =
      (n === 15 && frenchNir(raw)) ||
      (n === 12 && aadhaar(raw)) ||
      (n === 13 && southAfricanId(raw)) ||
      (n === 11 && brazilCpf(raw));
    return valid ? VALID : n <= 20 ? SHAPE : NONE;
  }
  // Every format below has at least 7 digits, and a SHAPE needs 4.
  if (digits < 4) return NONE;
  const text = lower ? raw.toUpperCase() : raw;
  const compact = () => (dropped > 0 ? text.replace(/[\s.]/g, '') : text);
  const valid =
    letters === 0 && slashes === 0
      ? matchDigitGroups(text, digits, () => compact().replace(/-/g, ''))
      : matchLetterId(text, n - dropped, compact);
  if (valid) return VALID;
  // /^[A-Z0-9][A-Z0-9\-/ ]{3,19}$/ for ASCII text that passed the checks above.
  return n <= 20 && notShape === 0 ? SHAPE : NONE;
}

/** Formats of digits written with separators (spaces, dots, dashes): `digits` has the digits alone. */
function matchDigitGroups(text: string, count: number, digits: () => string): boolean {
  return (
    (count === 15 && frenchNir(digits())) ||
    (count === 12 && aadhaar(digits())) ||
    (count === 13 && southAfricanId(digits())) ||
    (count === 9 && usSsn(text)) ||
    (count === 11 && CPF_TEXT.test(text) && brazilCpf(digits())) ||
    chileRut(text)
  );
}

/** Formats with letters (DNI/NIE, CURP, Corsican NIR, RUT with K); `compact` is `text` without spaces and dots. */
function matchLetterId(text: string, compactLength: number, compact: () => string): boolean {
  return (
    (compactLength <= 10 && spanishId(compact())) ||
    (compactLength === 18 && curp(compact())) ||
    (compactLength === 15 && frenchNir(compact().replace(/-/g, ''))) ||
    chileRut(text)
  );
}

/** `matchNationalId` for a value with characters beyond ASCII (letters of any script, Unicode spaces). */
function matchNonAsciiId(raw: string): Verdict {
  if (digitCount(raw) < 4 || !ID_TEXT.test(raw)) return NONE;
  const text = hasLowerCase(raw) ? raw.toUpperCase() : raw;
  const compact = text.replace(/[\s.]/g, '');
  const digits = compact.replace(/-/g, '');
  const valid = isAsciiDigits(digits)
    ? (digits.length === 15 && frenchNir(digits)) ||
      (digits.length === 12 && aadhaar(digits)) ||
      (digits.length === 13 && southAfricanId(digits)) ||
      (digits.length === 9 && usSsn(text)) ||
      (digits.length === 11 && CPF_TEXT.test(text) && brazilCpf(digits)) ||
      chileRut(text)
    : (compact.length <= 10 && spanishId(compact)) ||
      (compact.length === 18 && curp(compact)) ||
      (compact.length === 15 && frenchNir(digits)) ||
      chileRut(text);
  if (valid) return VALID;
  if (/^[A-Z0-9][A-Z0-9\-/ ]{3,19}$/.test(text) && digitCount(text) >= 4) return SHAPE;
  return NONE;
}

function isAsciiDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Whether upper-casing could change `text`: an ASCII lower-case letter or any non-ASCII character. */
function hasLowerCase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c >= 128) return true;
  }
  return false;
}

function digitCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) count++;
  }
  return count;
}

/** Letters, digits and the separators identity numbers are written with; anything else is not one. */
const ID_TEXT = /^[\p{L}\d][\p{L}\d\s.\-/]*$/u;
const CPF_TEXT = /^\d{3}\.?\d{3}\.?\d{3}-?\d{2}$/;

export const nationalIdDetector: Detector = {
  id: 'national_id',
  header: headerTerms({
    strong: [
      'national id',
      'national identity',
      'national identification',
      'identity card',
      'identity number',
      'id card',
      'id number',
      'id no',
      'idno',
      'nid',
      'nin',
      'national insurance number',
      'personal number',
      'personal id',
      'identification number',
      'cedula',
      'cédula',
      'dni',
      'nie',
      'documento de identidad',
      'documento nacional',
      'número de documento',
      'numero de identificacion',
      'tarjeta de identidad',
      "carte d'identité",
      'carte nationale',
      'cni',
      "numéro d'identité",
      'numéro national',
      'nir',
      'sécurité sociale',
      'curp',
      'rut',
      'cpf',
      'ssn',
      'social security',
      'aadhaar',
      'aadhar',
      'ghana card',
      'huduma',
      'tazkira',
      'tazkera',
      'emirates id',
      'iqama',
      'cnic',
      'nric',
    ],
    weak: ['identification', 'identificación', 'identité', 'document number', 'documento', 'id document'],
    veto: [
      'invoice',
      'facture',
      'factura',
      'sku',
      'product',
      'produit',
      'producto',
      'order',
      'commande',
      'pedido',
      'item',
      'row',
      'ligne',
      'fila',
      'record',
      'transaction',
      'batch',
      'lot',
      'serial',
      'device',
      'asset',
      'session',
      'request',
    ],
  }),
  prefilter: (p) => (p.chars & HAS_DIGIT) !== 0 && (p.chars & HAS_AT) === 0,
  matcher: () => matchNationalId,
  assess: (evidence) => assessStandard(evidence, { valueOnly: 'medium' }),
};

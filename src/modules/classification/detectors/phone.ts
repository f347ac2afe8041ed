import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { assessStandard } from './confidence.js';
import {
  DISTINCTIVE,
  HAS_AT,
  HAS_DIGIT,
  HAS_LETTER,
  NONE,
  SHAPE,
  VALID,
  headerTerms,
  type Detector,
  type MatchContext,
  type Matcher,
  type Verdict,
} from './detector.js';
import { internationalCountry } from './phone-metadata.js';

/** Digits and the punctuation people write phone numbers with; letters rule a value out at once. */
const PHONE_TEXT = /^(?:\+|00)?[\d\s().\-/]+$/;
/** 2024-03-01, 01/03/2024, 1.3.24 and timestamps: dates, whatever their digits say. */
const DATE_LIKE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?:[ T].*)?$/;
/** 1,234,567 or 1.234.567,50: amounts with thousands separators. */
const AMOUNT = /^\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?$|^\d+[.,]\d{1,2}$/;

const PLUS = 43;
/** What `scanPhoneText` finds: not PHONE_TEXT; digits only after an optional +; anything else PHONE_TEXT allows. */
const NOT_PHONE_TEXT = 0;
const PLAIN = 1;
const PUNCTUATED = 2;

/**
 * PHONE_TEXT without the regular expression for the common cases, and whether the value is plain
 * digits (after an optional +), which no date or amount pattern can match (both need a - / . or ,).
 * Characters beyond the ASCII ones a phone is written with go to the regular expression (\s also
 * matches Unicode spaces).
 */
function scanPhoneText(text: string): number {
  let plain = true;
  for (let i = text.charCodeAt(0) === PLUS ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    // space ( ) - . /
    if (c === 32 || c === 40 || c === 41 || c === 45 || c === 46 || c === 47) plain = false;
    else return PHONE_TEXT.test(text) ? PUNCTUATED : NOT_PHONE_TEXT;
  }
  return plain ? PLAIN : PUNCTUATED;
}

/** `/^(\d)\1+$/` for a string of digits. */
function oneDigitRepeated(digits: string): boolean {
  const first = digits.charCodeAt(0);
  for (let i = 1; i < digits.length; i++) if (digits.charCodeAt(i) !== first) return false;
  return digits.length > 1;
}

const MIN_DIGITS = 7;
const MAX_DIGITS = 15; // ITU-T E.164
const MAX_LEARNED_COUNTRIES = 5;

/**
 * Phone numbers of every country, validated with libphonenumber's full metadata:
 * - with `+` or `00`: DISTINCTIVE when valid for the country its calling code names;
 * - without: VALID when valid with a leading `+` (country code written without it) or as a national
 *   number of a country given in the context or already seen in this column; else SHAPE.
 * Dates, amounts, values with letters (invoice numbers, SKUs, UUIDs) and short counts are never phones.
 */
export function phoneMatcher(context: MatchContext): Matcher {
  const countries: string[] = [...context.countries];
  const learn = (country: string | undefined) => {
    if (
      country &&
      !countries.includes(country) &&
      countries.length < MAX_LEARNED_COUNTRIES + context.countries.length
    )
      countries.push(country);
  };
  return (value: string): Verdict => {
    const text = value.trim();
    if (text.length < MIN_DIGITS || text.length > 32) return NONE;
    const shape = scanPhoneText(text);
    if (shape === NOT_PHONE_TEXT) return NONE;
    if (shape !== PLAIN && (DATE_LIKE.test(text) || AMOUNT.test(text))) return NONE;
    const digits =
      shape === PLAIN ? (text.charCodeAt(0) === PLUS ? text.slice(1) : text) : text.replace(/\D/g, '');
    if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS || oneDigitRepeated(digits)) return NONE;

    if (text.startsWith('+') || text.startsWith('00')) {
      const country = internationalCountry(text.startsWith('00') ? digits.slice(2) : digits);
      if (country === null) return NONE;
      learn(country);
      return DISTINCTIVE;
    }
    for (const country of countries) {
      if (parsePhoneNumberFromString(text, country as CountryCode)?.isValid()) return VALID;
    }
    if (!digits.startsWith('0') && digits.length >= 10) {
      const country = internationalCountry(digits);
      if (country !== null) {
        learn(country);
        return VALID;
      }
    }
    return SHAPE;
  };
}

export const phoneDetector: Detector = {
  id: 'phone',
  header: headerTerms({
    strong: [
      'phone',
      'telephone',
      'tel',
      'tlf',
      'telf',
      'mobile',
      'mobile number',
      'cell',
      'cellphone',
      'cell phone',
      'msisdn',
      'whatsapp',
      'gsm',
      'téléphone',
      'portable',
      'numéro de téléphone',
      'teléfono',
      'celular',
      'móvil',
      'número de teléfono',
    ],
    weak: ['contact', 'contacto', 'mob', 'numero de contact', 'número de contacto'],
    veto: [
      'invoice',
      'facture',
      'factura',
      'sku',
      'product',
      'produit',
      'producto',
      'item',
      'article',
      'order',
      'commande',
      'pedido',
      'count',
      'total',
      'quantity',
      'qty',
      'quantité',
      'cantidad',
      'amount',
      'montant',
      'monto',
      'price',
      'prix',
      'precio',
      'serial',
      'id',
      'row',
      'index',
      'date',
      'fecha',
      'year',
      'année',
      'año',
      'code',
      'código',
    ],
  }),
  prefilter: (p) => (p.chars & HAS_DIGIT) !== 0 && (p.chars & (HAS_LETTER | HAS_AT)) === 0 && p.length >= 7,
  matcher: phoneMatcher,
  assess: (evidence) => assessStandard(evidence, { valueOnly: 'medium', distinctive: 'high' }),
};

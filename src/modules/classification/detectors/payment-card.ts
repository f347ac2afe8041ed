import { assessStandard } from './confidence.js';
import { luhnValid } from './checksums.js';
import {
  DISTINCTIVE,
  HAS_AT,
  HAS_DIGIT,
  HAS_LETTER,
  NONE,
  SHAPE,
  headerTerms,
  type Detector,
  type Verdict,
} from './detector.js';

interface CardRange {
  /** Inclusive prefix range, compared on the first `prefix.length` digits. */
  from: string;
  to: string;
  lengths: readonly number[];
}

const range = (from: string, to: string, lengths: readonly number[]): CardRange => ({ from, to, lengths });
const L16_19 = [16, 17, 18, 19];

/** Issuer identification number ranges and lengths of the major card schemes (ISO/IEC 7812). */
const CARD_RANGES: readonly CardRange[] = [
  range('4', '4', [13, 16, 19]), // Visa
  range('51', '55', [16]), // Mastercard
  range('2221', '2720', [16]), // Mastercard 2-series
  range('34', '34', [15]), // American Express
  range('37', '37', [15]),
  range('6011', '6011', L16_19), // Discover
  range('644', '649', L16_19),
  range('65', '65', L16_19),
  range('3528', '3589', L16_19), // JCB
  range('36', '36', [14, 15, 16, 17, 18, 19]), // Diners Club
  range('300', '305', [14, 15, 16, 17, 18, 19]),
  range('38', '39', [14, 15, 16, 17, 18, 19]),
  range('62', '62', L16_19), // UnionPay
  range('2200', '2204', L16_19), // Mir
  range('50', '50', [12, 13, 14, 15, 16, 17, 18, 19]), // Maestro
  range('56', '69', [12, 13, 14, 15, 16, 17, 18, 19]),
  range('60', '60', L16_19), // RuPay
  range('81', '82', L16_19),
  range('506099', '506198', [16, 18, 19]), // Verve
  range('650002', '650027', [16, 18, 19]),
];

function schemeMatches(digits: string): boolean {
  return CARD_RANGES.some((r) => {
    const prefix = digits.slice(0, r.from.length);
    return prefix >= r.from && prefix <= r.to && r.lengths.includes(digits.length);
  });
}

/**
 * Payment card numbers: 12–19 digits (spaces or dashes allowed) in a scheme's IIN range and
 * length, passing Luhn. DISTINCTIVE; card-like digits failing the checks are SHAPE.
 */
export function matchPaymentCard(value: string): Verdict {
  const text = value.trim();
  if (text.length < 12 || text.length > 23 || !/^\d[\d\s-]+\d$/.test(text)) return NONE;
  const digits = text.replace(/[\s-]/g, '');
  if (digits.length < 12 || digits.length > 19 || /^(\d)\1+$/.test(digits)) return NONE;
  if (schemeMatches(digits) && luhnValid(digits)) return DISTINCTIVE;
  return /^\d{4}([\s-]?)\d{4}\1\d{4}\1\d{1,7}$/.test(text) ? SHAPE : NONE;
}

export const paymentCardDetector: Detector = {
  id: 'payment_card',
  header: headerTerms({
    strong: [
      'card number',
      'credit card',
      'debit card',
      'prepaid card',
      'pan',
      'cc number',
      'carte bancaire',
      'carte de crédit',
      'numéro de carte',
      'tarjeta',
      'número de tarjeta',
      'tarjeta de crédito',
    ],
    veto: ['expiry', 'expiration', 'vencimiento', 'type', 'tipo', 'holder', 'titulaire', 'titular'],
  }),
  prefilter: (p) => (p.chars & HAS_DIGIT) !== 0 && (p.chars & (HAS_LETTER | HAS_AT)) === 0 && p.length >= 12,
  matcher: () => matchPaymentCard,
  assess: (evidence) => assessStandard(evidence, { valueOnly: 'high', distinctive: 'high' }),
};

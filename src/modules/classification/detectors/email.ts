import { maskEmail } from '../masking.js';
import { assessStandard } from './confidence.js';
import { DISTINCTIVE, HAS_AT, NONE, headerTerms, type Detector, type Verdict } from './detector.js';

const EMAIL =
  /^[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}$/u;

/** A whole value that is one e-mail address (RFC 5321 lengths, no quoted local parts). */
export function isEmailAddress(value: string): boolean {
  if (!value.includes('@')) return false;
  const trimmed = value.trim();
  // Only a value starting with m can start with mailto:.
  const first = trimmed.charCodeAt(0);
  const text = first === 109 || first === 77 ? trimmed.replace(/^mailto:/i, '') : trimmed;
  if (text.length > 254 || text.length < 6) return false;
  const ascii = asciiEmail(text);
  return (ascii ?? EMAIL.test(text)) && !text.includes('..') && !text.startsWith('.');
}

/** Characters of the local part EMAIL allows, beside letters and digits. */
const LOCAL_PUNCTUATION = new Set([..."!#$%&'*+/=?^_`{|}~-."].map((c) => c.charCodeAt(0)));

function isAsciiAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * EMAIL for ASCII text, without the Unicode pattern; null when the text has other characters. The
 * local part runs to the first @; the domain splits at its dots into labels (letters, digits and
 * inner hyphens, 1–63 characters) and a last part of 2–24 letters.
 */
function asciiEmail(text: string): boolean | null {
  let at = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return null;
    if (at < 0 && c === 64) at = i;
  }
  if (at < 1 || at > 64) return false;
  for (let i = 0; i < at; i++) {
    const c = text.charCodeAt(i);
    if (!isAsciiAlphanumeric(c) && !LOCAL_PUNCTUATION.has(c)) return false;
  }
  let labels = 0;
  let start = at + 1;
  for (let i = start; ; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c === 46) {
      if (!isLabel(text, start, i)) return false;
      labels++;
      start = i + 1;
    } else if (c === -1) break;
  }
  const last = text.length - start;
  if (labels === 0 || last < 2 || last > 24) return false;
  for (let i = start; i < text.length; i++) if (!isAsciiLetter(text.charCodeAt(i))) return false;
  return true;
}

/** text[start, end) is a domain label: 1–63 letters, digits and hyphens, not starting or ending with one. */
function isLabel(text: string, start: number, end: number): boolean {
  if (end - start < 1 || end - start > 63) return false;
  if (!isAsciiAlphanumeric(text.charCodeAt(start)) || !isAsciiAlphanumeric(text.charCodeAt(end - 1)))
    return false;
  for (let i = start + 1; i < end - 1; i++) {
    const c = text.charCodeAt(i);
    if (c !== 45 && !isAsciiAlphanumeric(c)) return false;
  }
  return true;
}

export const emailDetector: Detector = {
  id: 'email',
  header: headerTerms({
    strong: [
      'email',
      'e-mail',
      'email address',
      'courriel',
      'adresse électronique',
      'adresse mail',
      'mél',
      'correo',
      'correo electrónico',
      'dirección de correo',
    ],
    weak: ['mail', 'contact', 'contacto'],
  }),
  prefilter: (p) => (p.chars & HAS_AT) !== 0,
  matcher:
    () =>
    (value: string): Verdict =>
      isEmailAddress(value) ? DISTINCTIVE : NONE,
  assess: (evidence) => assessStandard(evidence, { valueOnly: 'high', distinctive: 'high' }),
  mask: maskEmail,
};

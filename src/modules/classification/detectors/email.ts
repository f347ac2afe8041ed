import { maskEmail } from '../masking.js';
import { assessStandard } from './confidence.js';
import { DISTINCTIVE, HAS_AT, NONE, headerTerms, type Detector, type Verdict } from './detector.js';

const EMAIL =
  /^[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}$/u;

/** A whole value that is one e-mail address (RFC 5321 lengths, no quoted local parts). */
export function isEmailAddress(value: string): boolean {
  if (!value.includes('@')) return false;
  const text = value.trim().replace(/^mailto:/i, '');
  if (text.length > 254 || text.length < 6) return false;
  return EMAIL.test(text) && !text.includes('..') && !text.startsWith('.');
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

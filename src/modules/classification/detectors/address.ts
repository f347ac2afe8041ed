import { assessStandard } from './confidence.js';
import {
  HAS_AT,
  HAS_DIGIT,
  HAS_LETTER,
  NONE,
  SHAPE,
  VALID,
  headerTerms,
  type Detector,
  type Verdict,
} from './detector.js';
import { Vocabulary, valueWords } from './text.js';

/** Street types and postal words in English, French and Spanish. */
const STREET_WORDS = new Vocabulary(
  `street st road rd avenue ave av boulevard blvd bd lane ln drive way close crescent highway plot
  house flat apartment apt building block estate po box
  rue chemin allee impasse route quartier bp immeuble appartement residence lotissement cite
  calle carrera cra avenida diagonal transversal pasaje jiron casa manzana mz lote barrio colonia
  apartado apto apartamento piso edificio urbanizacion vereda`
    .trim()
    .split(/\s+/),
);

const POSTAL_BOX = /\b(?:p\.?\s?o\.?\s?box|b\.?\s?p\.?|apartado(?:\s+postal)?|casilla)\s*\d+/i;

/**
 * A postal or street address: a number with a street word ("12 Rue de la Paix", "Calle 45 # 12-30",
 * "Plot 7, Kibera") or a postal box is VALID; other short text mixing words and a number is SHAPE.
 */
export function matchAddress(value: string): Verdict {
  const text = value.trim();
  if (text.length < 6 || text.length > 160 || text.includes('@')) return NONE;
  if (POSTAL_BOX.test(text)) return VALID;
  if (!/\d/.test(text) || !/\p{L}{2}/u.test(text)) return NONE;
  const words = valueWords(text);
  if (words.length < 2 || words.length > 20) return NONE;
  if (STREET_WORDS.mentionsWords(words)) return VALID;
  return SHAPE;
}

export const addressDetector: Detector = {
  id: 'address',
  header: headerTerms({
    strong: [
      'address',
      'home address',
      'street address',
      'residential address',
      'postal address',
      'adresse',
      'adresse postale',
      'domicile',
      'lieu de résidence',
      'dirección',
      'domicilio',
      'dirección de residencia',
      'street',
      'rue',
      'calle',
    ],
    weak: ['residence', 'résidence', 'residencia'],
    veto: [
      'ip',
      'email',
      'e-mail',
      'mail',
      'électronique',
      'courriel',
      'correo',
      'web',
      'url',
      'mac',
      'wallet',
    ],
  }),
  prefilter: (p) =>
    (p.chars & (HAS_DIGIT | HAS_LETTER)) === (HAS_DIGIT | HAS_LETTER) && (p.chars & HAS_AT) === 0,
  matcher: () => matchAddress,
  assess: (evidence) => assessStandard(evidence, { valueOnly: 'medium' }),
};

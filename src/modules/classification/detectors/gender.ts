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
import { Vocabulary } from './text.js';

const SEXES = new Vocabulary(
  `m f h male female man woman men women boy girl homme femme masculin feminin garcon fille hombre
  mujer masculino femenino nino nina varon masculine feminine`
    .trim()
    .split(/\s+/),
);
const OTHER = new Vocabulary([
  'other',
  'autre',
  'otro',
  'otra',
  'unknown',
  'inconnu',
  'desconocido',
  'x',
  'non-binary',
  'non binaire',
  'no binario',
  'intersex',
  'intersexe',
  'transgender',
  'prefer not to say',
  'ne souhaite pas répondre',
  'prefiere no decir',
]);

/** Sex or gender values in English, French and Spanish (M/F/H, words); other answers are SHAPE. */
export function matchGender(value: string): Verdict {
  const text = value.trim();
  if (text.length === 0 || text.length > 30) return NONE;
  if (SEXES.isEntry(text)) return VALID;
  return OTHER.isEntry(text) ? SHAPE : NONE;
}

export const genderDetector: Detector = {
  id: 'gender',
  header: headerTerms({
    strong: ['sex', 'gender', 'gender identity', 'sexe', 'genre', 'sexo', 'género'],
    veto: ['size', 'taille', 'talla', 'ratio', 'disaggregated', 'désagrégé', 'desagregado', 'count', 'total'],
  }),
  prefilter: (p) => (p.chars & HAS_LETTER) !== 0 && (p.chars & (HAS_DIGIT | HAS_AT)) === 0 && p.length <= 30,
  matcher: () => matchGender,
  assess: (evidence) => assessStandard(evidence, { valueOnly: 'medium', contextRaises: true }),
};

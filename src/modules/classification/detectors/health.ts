import { isShortAnswer } from './categorical.js';
import { assessStandard } from './confidence.js';
import {
  HAS_AT,
  HAS_LETTER,
  NONE,
  SHAPE,
  VALID,
  headerTerms,
  type Detector,
  type Verdict,
} from './detector.js';
import { Vocabulary } from './text.js';

/** Conditions, impairments and health states in English, French and Spanish. */
const HEALTH_WORDS = new Vocabulary(
  `hiv aids tuberculosis tb malaria diabetes diabetic hypertension asthma cancer epilepsy hepatitis
  cholera covid measles malnutrition malnourished anaemia anemia disabled disability
  wheelchair blind deaf amputee paralysis pregnant pregnancy lactating depression ptsd trauma
  psychosocial mental illness chronic dialysis insulin
  vih sida tuberculose paludisme diabete hypertension asthme epilepsie hepatite cholera rougeole
  malnutrition handicap handicape handicapee aveugle sourd sourde enceinte grossesse allaitante
  depression traumatisme chronique
  tuberculosis paludismo diabetes hipertension asma epilepsia hepatitis colera sarampion desnutricion
  discapacidad discapacitado discapacitada ciego ciega sordo sorda embarazada embarazo lactante
  depresion cronica cronico`
    .split('\n')
    .flatMap((line) => line.trim().split(/\s+/))
    .concat([
      'mental health',
      'santé mentale',
      'salud mental',
      'hiv positive',
      'vih positif',
      'vih positivo',
    ]),
);

/**
 * Health data: a named condition, impairment or state is VALID; under a health header (diagnosis,
 * disability, Washington Group questions) any short answer such as "yes" fits (SHAPE).
 */
export function matchHealth(value: string): Verdict {
  const text = value.trim();
  if (text.length === 0 || text.length > 1000) return NONE;
  if (HEALTH_WORDS.mentions(text)) return VALID;
  return isShortAnswer(text) ? SHAPE : NONE;
}

export const healthDetector: Detector = {
  id: 'health',
  header: headerTerms({
    strong: [
      'health',
      'health status',
      'health condition',
      'medical',
      'medical condition',
      'diagnosis',
      'disease',
      'illness',
      'disability',
      'impairment',
      'handicap',
      'hiv',
      'hiv status',
      'pregnant',
      'pregnancy',
      'pregnant or lactating',
      'plw',
      'mental health',
      'chronic illness',
      'medication',
      'treatment',
      'allergy',
      'blood type',
      'difficulty seeing',
      'difficulty hearing',
      'difficulty walking',
      'difficulty remembering',
      'difficulty self care',
      'difficulty communicating',
      'santé',
      'état de santé',
      'médical',
      'diagnostic',
      'maladie',
      'maladie chronique',
      'incapacité',
      'enceinte',
      'grossesse',
      'vih',
      'traitement',
      'santé mentale',
      'salud',
      'estado de salud',
      'médico',
      'diagnóstico',
      'enfermedad',
      'enfermedad crónica',
      'discapacidad',
      'embarazo',
      'embarazada',
      'tratamiento',
      'salud mental',
    ],
    weak: ['condition', 'condición', 'vulnerability', 'vulnérabilité', 'vulnerabilidad', 'specific needs'],
    veto: [
      'facility',
      'établissement',
      'establecimiento',
      'centre',
      'center',
      'centro',
      'staff',
      'personnel',
      'partner',
      'cluster',
      'sector',
      'secteur',
    ],
  }),
  // Under a health header any short answer fits; without one only named conditions count.
  prefilter: (p, withHeader) => withHeader || ((p.chars & HAS_LETTER) !== 0 && (p.chars & HAS_AT) === 0),
  matcher: () => matchHealth,
  assess: (evidence) => assessStandard(evidence, { valueOnly: 'medium' }),
};

import { isShortAnswer } from './categorical.js';
import { assessStandard } from './confidence.js';
import { NONE, SHAPE, VALID, headerTerms, type Detector, type Verdict } from './detector.js';
import { Vocabulary } from './text.js';

/** Generic ethnic-origin words; specific groups differ by country, so the header carries the evidence. */
const ETHNIC_WORDS = new Vocabulary([
  'indigenous',
  'indigène',
  'autochtone',
  'indígena',
  'afro-descendant',
  'afrodescendant',
  'afrodescendiente',
  'afrocolombiano',
  'afrocolombiana',
  'mestizo',
  'mestiza',
  'métis',
  'roma',
  'rom',
  'gitano',
  'pygmy',
  'pygmée',
  'batwa',
  'twa',
  'raizal',
  'palenquero',
]);

/** Under an ethnicity header any short answer fits (SHAPE); generic ethnic words are VALID. */
export function matchEthnicity(value: string): Verdict {
  if (!isShortAnswer(value)) return NONE;
  return ETHNIC_WORDS.mentions(value) ? VALID : SHAPE;
}

export const ethnicityDetector: Detector = {
  id: 'ethnicity',
  header: headerTerms({
    strong: [
      'ethnicity',
      'ethnic',
      'ethnic group',
      'ethnic origin',
      'tribe',
      'tribal',
      'clan',
      'sub clan',
      'subclan',
      'race',
      'racial',
      'caste',
      'indigenous',
      'ethnie',
      'ethnique',
      'groupe ethnique',
      'origine ethnique',
      'tribu',
      'autochtone',
      'etnia',
      'étnico',
      'grupo étnico',
      'origen étnico',
      'pertenencia étnica',
      'raza',
      'pueblo indígena',
      'autorreconocimiento',
    ],
  }),
  matcher: () => matchEthnicity,
  needsHeader: true,
  assess: (evidence) => assessStandard(evidence, { valueOnly: null }),
};

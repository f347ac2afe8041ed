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

const RELIGIONS = new Vocabulary(
  `christian christianity catholic roman catholic protestant orthodox evangelical pentecostal adventist
  anglican lutheran baptist methodist presbyterian kimbanguist muslim islam islamic sunni shia shiite
  ahmadi ahmadiyya sufi jewish judaism jew hindu hinduism buddhist buddhism sikh bahai baha'i animist
  animism atheist agnostic yazidi yezidi druze zoroastrian jehovah's witness mormon
  chretien chretienne catholique protestante orthodoxe evangelique pentecotiste musulman musulmane
  juif juive hindou hindoue bouddhiste animiste athee agnostique
  cristiano cristiana catolico catolica protestante ortodoxo ortodoxa evangelico evangelica musulman
  musulmana judio judia hindu budista ateo atea agnostico agnostica testigo de jehova`
    .split('\n')
    .flatMap((line) => line.trim().split(/\s+/))
    .concat(['roman catholic', "jehovah's witness", 'testigo de jehova', 'témoin de jéhovah']),
);

/** Religions and beliefs in English, French and Spanish are VALID; other short answers are SHAPE. */
export function matchReligion(value: string): Verdict {
  if (!isShortAnswer(value)) return NONE;
  return RELIGIONS.mentions(value) ? VALID : SHAPE;
}

export const religionDetector: Detector = {
  id: 'religion',
  header: headerTerms({
    strong: [
      'religion',
      'religious',
      'religious affiliation',
      'faith',
      'denomination',
      'belief',
      'confession religieuse',
      'croyance',
      'religión',
      'creencia',
      'credo',
      'culto',
    ],
    weak: ['confession'],
  }),
  // Under a religion header any short answer fits; without one only named religions count.
  prefilter: (p, withHeader) => withHeader || ((p.chars & HAS_LETTER) !== 0 && (p.chars & HAS_AT) === 0),
  matcher: () => matchReligion,
  assess: (evidence) => assessStandard(evidence, { valueOnly: 'medium', contextRaises: true }),
};

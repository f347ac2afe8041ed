import { maskWords } from '../masking.js';
import { assessStandard } from './confidence.js';
import { GIVEN_NAMES } from './given-names.js';
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
import { fold } from './text.js';

const GIVEN = new Set(GIVEN_NAMES);

/** Lower-case particles inside names: "María de los Ángeles", "Ahmed bin Said", "Ludwig van Beethoven". */
const PARTICLES = new Set(
  'al bin binti bint ben bou da das de del della der di do dos du el la las le los ould van von y'.split(' '),
);

/** Words that make a capitalised value a place, an organisation or a thing rather than a person. */
const NOT_A_PERSON = new Set(
  `
  agency association bank block camp centre center church city clinic company county district
  foundation group hospital hotel inc limited ltd market ministry mosque municipality ngo office
  organisation organization project province region road school services settlement site street
  town unhcr unicef village ward zone ville quartier ecole hopital bureau entreprise societe
  ciudad barrio escuela empresa oficina municipio departamento provincia mercado iglesia
  `
    .trim()
    .split(/\s+/),
);

const NAME_TEXT = /^[\p{L}][\p{L}'’.,\- ]*$/u;

/**
 * One to five words of letters (apostrophes, hyphens and initials allowed), each capitalised or a
 * particle, none naming a place or organisation: SHAPE; VALID when a word is a common given name.
 */
export function matchPersonName(value: string): Verdict {
  const text = value.trim();
  if (text.length < 2 || text.length > 80 || moreWordsThan(text, 5) || !NAME_TEXT.test(text)) return NONE;
  const words = text.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0 || words.length > 5) return NONE;
  let given = false;
  for (const word of words) {
    const folded = fold(word).replace(/[.'’-]/g, '');
    if (NOT_A_PERSON.has(folded)) return NONE;
    if (PARTICLES.has(word)) continue;
    const first = word[0]!;
    if (first === first.toLowerCase()) return NONE;
    if (GIVEN.has(folded)) given = true;
  }
  return given ? VALID : SHAPE;
}

/**
 * Whether `text` has more than `max` runs of characters between spaces and commas: where NAME_TEXT
 * holds these are the words below, so a sentence is refused before the pattern reads it.
 */
function moreWordsThan(text: string, max: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 44) inWord = false;
    else if (!inWord) {
      inWord = true;
      if (++words > max) return true;
    }
  }
  return false;
}

export const personNameDetector: Detector = {
  id: 'person_name',
  header: headerTerms({
    strong: [
      'full name',
      'first name',
      'last name',
      'middle name',
      'surname',
      'given name',
      'family name',
      'maiden name',
      'father name',
      'mother name',
      'fathers name',
      'mothers name',
      'beneficiary name',
      'respondent name',
      'name of respondent',
      'head of household name',
      'fname',
      'lname',
      'nom',
      'prénom',
      'prénoms',
      'postnom',
      'nom de famille',
      'nom complet',
      'nom du bénéficiaire',
      'apellido',
      'apellidos',
      'nombre completo',
      'primer nombre',
      'segundo nombre',
      'nombre del beneficiario',
    ],
    weak: ['name', 'nombre', 'person', 'personne', 'persona'],
    veto: [
      'product',
      'produit',
      'producto',
      'item',
      'article',
      'file',
      'fichier',
      'archivo',
      'company',
      'entreprise',
      'empresa',
      'organisation',
      'organization',
      'organización',
      'org',
      'office',
      'bureau',
      'oficina',
      'project',
      'projet',
      'proyecto',
      'site',
      'camp',
      'campamento',
      'village',
      'aldea',
      'town',
      'city',
      'ville',
      'ciudad',
      'district',
      'region',
      'région',
      'province',
      'provincia',
      'country',
      'pays',
      'país',
      'school',
      'école',
      'escuela',
      'facility',
      'établissement',
      'establecimiento',
      'partner',
      'partenaire',
      'socio',
      'agency',
      'agence',
      'agencia',
      'donor',
      'bailleur',
      'donante',
      'sheet',
      'column',
      'field',
      'variable',
      'indicator',
      'indicateur',
      'indicador',
      'user',
      'username',
      'host',
      'hostname',
      'server',
      'domain',
      'personnes',
      'enfants',
      'membres',
      'ménages',
      'individus',
      'count',
      'number of',
      'total',
    ],
  }),
  prefilter: (p) => (p.chars & HAS_LETTER) !== 0 && (p.chars & (HAS_DIGIT | HAS_AT)) === 0,
  matcher: () => matchPersonName,
  assess: (evidence) => assessStandard(evidence, { valueOnly: 'medium', contextRaises: true }),
  mask: maskWords,
};

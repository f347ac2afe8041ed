import { getCountries } from 'libphonenumber-js/max';
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

/** Country codes known to libphonenumber's metadata: every country and territory with phone numbers. */
const CODES = getCountries() as readonly string[];

function countryNames(): string[] {
  const names: string[] = [];
  for (const locale of ['en', 'fr', 'es']) {
    const display = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    for (const code of CODES) {
      const name = display.of(code);
      if (name) names.push(name);
    }
  }
  return names;
}

/** Nationality adjectives most often seen in humanitarian registration data, in three languages (`_` joins words). */
const DEMONYMS = `
afghan afgano afghane afgana algerian algerien algerienne argelino angolan angolais angolano
burundian burundais burundaise burundes cameroonian camerounais camerounaise camerunes
central_african centrafricain centrafricaine centroafricano chadian tchadien tchadienne chadiano
colombian colombien colombienne colombiano colombiana congolese congolais congolaise congoleno
cuban cubain cubaine cubano cubana dominican dominicain dominicaine dominicano dominicana
ecuadorian equatorien equatorienne ecuatoriano ecuatoriana eritrean erythreen erythreenne eritreo
ethiopian ethiopien ethiopienne etiope guatemalan guatemalteque guatemalteco guatemalteca
haitian haitien haitienne haitiano haitiana honduran hondurien hondurienne hondureno hondurena
iranian iranien iranienne irani iraqi irakien irakienne iraqui ivorian ivoirien ivoirienne
kenyan kenyan kenyane keniano keniana libyan libyen libyenne libio malian malien malienne maliense
mexican mexicain mexicaine mexicano mexicana moroccan marocain marocaine marroqui myanmar rohingya
nicaraguan nicaraguayen nicaraguense nigerian nigerien nigerienne nigeriano pakistani pakistanais
pakistanaise palestinian palestinien palestinienne palestino palestina peruvian peruvien peruvienne
peruano peruana rwandan rwandais rwandaise ruandes salvadoran salvadorien salvadorienne salvadoreno
salvadorena senegalese senegalais senegalaise senegales somali somalien somalienne somali
south_sudanese sud_soudanais sursudanes sudanese soudanais soudanaise sudanes syrian syrien syrienne
sirio siria tunisian tunisien tunisienne tunecino ugandan ougandais ougandaise ugandes ukrainian
ukrainien ukrainienne ucraniano ucraniana venezuelan venezuelien venezuelienne venezolano venezolana
yemeni yemenite yemeni yemeni stateless apatride apatrida
`
  .trim()
  .split(/\s+/)
  .map((word) => word.replace('_', ' '));

const NATIONALITIES = new Vocabulary([...countryNames(), ...DEMONYMS]);
const CODE_SET = new Set(CODES);

/** A country name (in English, French or Spanish) or a nationality adjective is VALID; an ISO code is SHAPE. */
export function matchNationality(value: string): Verdict {
  const text = value.trim();
  if (text.length < 2 || text.length > 60) return NONE;
  if (NATIONALITIES.isEntry(text)) return VALID;
  return /^[A-Z]{2}$/.test(text) && CODE_SET.has(text) ? SHAPE : NONE;
}

export const nationalityDetector: Detector = {
  id: 'nationality',
  header: headerTerms({
    strong: [
      'nationality',
      'citizenship',
      'country of origin',
      'country of citizenship',
      'nationalité',
      'citoyenneté',
      "pays d'origine",
      'nacionalidad',
      'ciudadanía',
      'país de origen',
    ],
    weak: ['country', 'pays', 'país', 'origin', 'origine', 'origen'],
    veto: [
      'office',
      'bureau',
      'oficina',
      'operation',
      'opération',
      'operación',
      'donor',
      'bailleur',
      'donante',
      'duty station',
      'report',
      'reporting',
      'code',
      'partner',
    ],
  }),
  prefilter: (p) => (p.chars & HAS_LETTER) !== 0 && (p.chars & (HAS_DIGIT | HAS_AT)) === 0,
  matcher: () => matchNationality,
  assess: (evidence) => assessStandard(evidence, { valueOnly: 'low', contextRaises: true }),
};

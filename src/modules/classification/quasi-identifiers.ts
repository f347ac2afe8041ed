import { headerTokens, hasPhrase, phrase, type Phrase } from './detectors/text.js';
import type { HxlTag } from './hxl.js';

/** What a quasi-identifier column holds, as far as recoding suggestions care. */
export type QuasiIdentifierKind =
  { kind: 'age' } | { kind: 'household_size' } | { kind: 'admin'; level: number } | { kind: 'categorical' };

const phrases = (texts: readonly string[]) => texts.map(phrase);

const AGE = phrases(['age', 'âge', 'edad', 'age years', 'age in years', 'años cumplidos']);
const HOUSEHOLD_SIZE = phrases([
  'household size',
  'hh size',
  'hhsize',
  'family size',
  'household members',
  'number of members',
  'taille du ménage',
  'taille ménage',
  'taille de la famille',
  'nombre de membres',
  'tamaño del hogar',
  'tamaño hogar',
  'miembros del hogar',
  'número de miembros',
]);
/** Place words by administrative level (1 = largest); countries differ, so this is a default. */
const ADMIN_LEVELS: ReadonlyArray<readonly Phrase[]> = [
  phrases([
    'province',
    'state',
    'region',
    'governorate',
    'gouvernorat',
    'provincia',
    'estado',
    'región',
    'oblast',
  ]),
  phrases(['district', 'county', 'département', 'departamento', 'municipality', 'municipio', 'commune']),
  phrases([
    'sub county',
    'subcounty',
    'sub district',
    'subdistrict',
    'ward',
    'locality',
    'localité',
    'localidad',
    'corregimiento',
  ]),
  phrases([
    'village',
    'camp',
    'block',
    'settlement',
    'neighbourhood',
    'neighborhood',
    'quartier',
    'barrio',
    'vereda',
    'aldea',
    'zone',
    'site',
  ]),
];
const OTHER_QUASI = phrases([
  'sex',
  'gender',
  'sexe',
  'genre',
  'sexo',
  'género',
  'marital status',
  'état civil',
  'situation matrimoniale',
  'estado civil',
  'nationality',
  'nationalité',
  'nacionalidad',
  'country of origin',
  'displacement status',
  'legal status',
  'population group',
  'statut',
  'estatus migratorio',
  'ethnicity',
  'ethnie',
  'etnia',
  'disability',
  'handicap',
  'discapacidad',
  'religion',
  'religión',
  'occupation',
  'profession',
  'ocupación',
  'education',
  'éducation',
  'educación',
]);

function adminLevel(tokens: readonly string[], tag: HxlTag | null | undefined): number | null {
  const hxl = tag && /^adm([1-5])$/.exec(tag.hashtag);
  if (hxl) return Number(hxl[1]);
  if (tag?.hashtag === 'loc') return 5;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if ((tokens[i] === 'adm' || tokens[i] === 'admin') && /^[1-5]$/.test(tokens[i + 1]!))
      return Number(tokens[i + 1]);
  }
  const glued = tokens.find((t) => /^adm(?:in)?[1-5]$/.test(t));
  if (glued) return Number(glued.slice(-1));
  // Finest level first, so "sub_county" is level 3 rather than a county.
  for (let index = ADMIN_LEVELS.length - 1; index >= 0; index--)
    if (ADMIN_LEVELS[index]!.some((p) => hasPhrase(tokens, p))) return index + 1;
  return null;
}

/** The kind of a quasi-identifier column, from its header and HXL hashtag. */
export function quasiIdentifierKind(header: string, tag?: HxlTag | null): QuasiIdentifierKind {
  const tokens = headerTokens(header);
  if (tag?.attributes.includes('age') || AGE.some((p) => hasPhrase(tokens, p))) return { kind: 'age' };
  if (HOUSEHOLD_SIZE.some((p) => hasPhrase(tokens, p))) return { kind: 'household_size' };
  const level = adminLevel(tokens, tag);
  if (level !== null) return { kind: 'admin', level };
  return { kind: 'categorical' };
}

/**
 * Columns that typically act as quasi-identifiers in survey microdata (age, sex, marital status,
 * location, household size, nationality, displacement status, ethnicity, disability), for when
 * the user does not choose them.
 */
export function suggestQuasiIdentifiers(
  headers: readonly string[],
  tags: readonly (HxlTag | null)[] = [],
): string[] {
  return headers.filter((header, i) => {
    const tag = tags[i] ?? null;
    if (quasiIdentifierKind(header, tag).kind !== 'categorical') return true;
    if (
      tag &&
      tag.hashtag === 'respondee' &&
      tag.attributes.some((a) => ['gender', 'sex', 'age'].includes(a))
    )
      return true;
    return OTHER_QUASI.some((p) => hasPhrase(headerTokens(header), p));
  });
}

import type { DetectorId } from './classification.schema.js';
import { STRONG_HEADER, WEAK_HEADER, type HeaderStrength } from './detectors/detector.js';

/**
 * HXL (Humanitarian Exchange Language, hxlstandard.org): a row under the headers holds hashtags
 * such as `#contact +email` or `#geo+lat`. They are the strongest header evidence there is, because
 * someone chose them to say what the column holds.
 */
export interface HxlTag {
  /** Lower case, without `#`. */
  hashtag: string;
  /** Lower case, without `+`. */
  attributes: string[];
}

const TAG = /^#([a-z][a-z0-9_]*)((?:\s*\+[a-z][a-z0-9_]*)*)$/i;

export function parseHxlTag(cell: string): HxlTag | null {
  const m = TAG.exec(cell.trim());
  if (!m) return null;
  const attributes = (m[2] ?? '')
    .split('+')
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);
  return { hashtag: m[1]!.toLowerCase(), attributes };
}

/** A hashtag row: at least one hashtag, and every non-empty cell is one (HXL 1.1 §4). */
export function isHxlRow(cells: readonly string[]): boolean {
  let tags = 0;
  for (const cell of cells) {
    if (cell.trim() === '') continue;
    if (!parseHxlTag(cell)) return false;
    tags++;
  }
  return tags > 0;
}

/** Hashtags describing one person or household: their presence makes the dataset about people. */
const PERSON_HASHTAGS = new Set(['respondee', 'beneficiary', 'contact', 'member']);
/** Hashtags of counts: small integers, never phones, IDs or dates. */
const COUNT_HASHTAGS = new Set([
  'affected',
  'inneed',
  'targeted',
  'reached',
  'population',
  'value',
  'indicator',
  'capacity',
  'output',
  'frequency',
]);
/** Places: administrative areas and locations, not a person's nationality or address. */
const PLACE_HASHTAGS = new Set(['adm1', 'adm2', 'adm3', 'adm4', 'adm5', 'loc', 'country', 'region', 'site']);

/** Attributes that name a detector when they qualify a hashtag about a person. */
const PERSON_ATTRIBUTES: Readonly<Record<string, DetectorId>> = {
  name: 'person_name',
  email: 'email',
  phone: 'phone',
  address: 'address',
  code: 'case_id',
  id: 'case_id',
  gender: 'gender',
  sex: 'gender',
  dob: 'date_of_birth',
  birth: 'date_of_birth',
  nationality: 'nationality',
  religion: 'religion',
  ethnicity: 'ethnicity',
  disabled: 'health',
  disability: 'health',
  health: 'health',
};

export interface HxlEvidence {
  /** Detectors this hashtag names, with how strongly. */
  strengths: ReadonlyMap<DetectorId, HeaderStrength>;
  /** Detectors that must not fire from values alone here (e.g. phone on a count). */
  vetoed: ReadonlySet<DetectorId> | 'all';
  /** The hashtag describes people (#respondee, #beneficiary, #contact). */
  aboutPeople: boolean;
}

/** What one column's hashtag says about each detector. */
export function hxlEvidence(tag: HxlTag | null | undefined): HxlEvidence {
  const strengths = new Map<DetectorId, HeaderStrength>();
  if (!tag) return { strengths, vetoed: new Set(), aboutPeople: false };
  const { hashtag, attributes } = tag;
  if (COUNT_HASHTAGS.has(hashtag)) return { strengths, vetoed: 'all', aboutPeople: false };
  const aboutPeople = PERSON_HASHTAGS.has(hashtag);
  for (const attribute of attributes) {
    // E-mail and phone attributes speak for themselves on any hashtag (#org+email is still an e-mail).
    if (attribute === 'email') strengths.set('email', STRONG_HEADER);
    if (attribute === 'phone') strengths.set('phone', STRONG_HEADER);
    const detector = PERSON_ATTRIBUTES[attribute];
    if (aboutPeople && detector) strengths.set(detector, STRONG_HEADER);
  }
  if (hashtag === 'contact' && attributes.length === 0) {
    strengths.set('email', WEAK_HEADER);
    strengths.set('phone', WEAK_HEADER);
    strengths.set('person_name', WEAK_HEADER);
  }
  if (hashtag === 'geo' && attributes.some((a) => a === 'lat' || a === 'lon' || a === 'coord'))
    strengths.set('gps_coordinates', STRONG_HEADER);
  if (hashtag === 'date') {
    if (attributes.includes('birth') || attributes.includes('dob'))
      strengths.set('date_of_birth', STRONG_HEADER);
    else return { strengths, vetoed: new Set<DetectorId>(['date_of_birth', 'phone']), aboutPeople };
  }
  if (PLACE_HASHTAGS.has(hashtag))
    return { strengths, vetoed: new Set<DetectorId>(['nationality', 'person_name', 'phone']), aboutPeople };
  return { strengths, vetoed: new Set(), aboutPeople };
}

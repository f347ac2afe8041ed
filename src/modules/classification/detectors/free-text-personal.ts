import { withSignals } from './confidence.js';
import {
  HAS_SPACE,
  NONE,
  SHAPE,
  STRONG_HEADER,
  VALID,
  WEAK_HEADER,
  headerTerms,
  type Assessment,
  type Detector,
  type Evidence,
  type Verdict,
} from './detector.js';
import { Vocabulary, valueWords } from './text.js';

/** Words that show a text is about a person: pronouns, kinship, forms of address, age. */
const PERSONAL_WORDS = new Vocabulary(
  `he she his her him husband wife son daughter mother father child children brother sister uncle aunt
  baby boy girl man woman men women neighbour neighbor mr mrs ms miss widow widowed orphan
  elle lui mari epouse femme homme fils fille mere pere enfant enfants frere soeur oncle tante bebe
  garcon voisin voisine monsieur madame mme veuve orphelin
  ella esposo esposa marido mujer hombre hijo hija madre padre nino nina hermano hermana tio tia bebe
  vecino vecina senor senora sr sra viuda huerfano`
    .split('\n')
    .flatMap((line) => line.trim().split(/\s+/))
    .concat(['years old', 'aged', 'ans', 'años', 'age de', 'edad de']),
);

/** Protection and GBV vocabulary in English, French and Spanish. */
const PROTECTION_WORDS = new Vocabulary(
  `violence violent rape raped assault abuse abused gbv sgbv survivor trafficking trafficked torture
  tortured detained detention arrested threat threatened kidnapped abducted abduction fgm exploitation
  harassment
  viol violee agression abus vbg survivante survivant traite torturee detenu detenue arrete menace
  menacee enleve enlevee enlevement exploitation harcelement
  violencia violacion violada agresion abuso sobreviviente trata tortura detenido detenida detencion
  arrestado amenaza amenazado amenazada secuestrado secuestrada secuestro explotacion acoso`
    .split('\n')
    .flatMap((line) => line.trim().split(/\s+/))
    .concat([
      'sexual assault',
      'forced marriage',
      'agression sexuelle',
      'mariage forcé',
      'matrimonio forzado',
    ]),
);

const EMBEDDED_CONTACT = /[\w.+-]+@[\w-]+\.[\w.]+|\+\d[\d\s-]{7,}\d|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b/;

const MIN_CHARS = 30;
const MIN_WORDS = 5;

/**
 * Free text about a person: a text of at least 30 characters and 5 words is SHAPE; VALID when it
 * speaks of a person (pronouns, kinship, forms of address, an age) or embeds an e-mail, a phone
 * number or a date.
 */
export function matchFreeTextPersonal(value: string): Verdict {
  if (value.length < MIN_CHARS || !value.includes(' ')) return NONE;
  const words = valueWords(value);
  if (words.length < MIN_WORDS) return NONE;
  return PERSONAL_WORDS.mentionsWords(words) || (mayEmbedContact(value) && EMBEDDED_CONTACT.test(value))
    ? VALID
    : SHAPE;
}

/** EMBEDDED_CONTACT needs an @ or an ASCII digit: most sentences have neither and skip the pattern. */
function mayEmbedContact(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 64 || (c >= 48 && c <= 57)) return true;
  }
  return false;
}

export function mentionsProtection(value: string): boolean {
  return PROTECTION_WORDS.mentions(value);
}

/**
 * A notes column (strong header) holding free text is personal free text: high when a fifth of the
 * texts speak of a person, medium from one in twenty, else low. Without a header, most values must
 * be texts and a fifth personal (medium), or one in twenty (low). Protection vocabulary in one text
 * in twenty, or a protection header, adds the `protection` signal.
 */
export function assessFreeText(evidence: Evidence): Assessment | null {
  const { tally, header } = evidence;
  if (tally.nonEmpty === 0) return null;
  const texts = (tally.shape + tally.valid) / tally.nonEmpty;
  const personal = tally.valid / tally.nonEmpty;
  const signals = [...evidence.headerSignals];
  if (tally.signalled > 0 && tally.signalled / tally.nonEmpty >= 0.05) signals.push('protection');
  let confidence: Assessment['confidence'] | null = null;
  if (header === STRONG_HEADER) {
    if (texts >= 0.2) confidence = personal >= 0.2 ? 'high' : personal >= 0.05 ? 'medium' : 'low';
  } else if (header === WEAK_HEADER) {
    confidence = personal >= 0.2 ? 'medium' : personal >= 0.05 ? 'low' : null;
  } else if (texts >= 0.3) {
    confidence = personal >= 0.2 ? 'medium' : personal >= 0.05 && tally.valid >= 2 ? 'low' : null;
  }
  return confidence === null ? null : withSignals({ confidence, matched: tally.valid }, signals);
}

export const freeTextPersonalDetector: Detector = {
  id: 'free_text_personal',
  header: headerTerms({
    strong: [
      'notes',
      'note',
      'comments',
      'comment',
      'remarks',
      'narrative',
      'observations',
      'case notes',
      'testimony',
      'story',
      'statement',
      'incident description',
      'commentaires',
      'remarques',
      'récit',
      'témoignage',
      'comentarios',
      'observaciones',
      'notas',
      'narrativa',
      'relato',
      'testimonio',
    ],
    weak: [
      'description',
      'descripción',
      'details',
      'détails',
      'detalles',
      'other specify',
      'précisez',
      'especifique',
      'explain',
      'expliquer',
      'explique',
    ],
    signals: {
      protection: [
        'gbv',
        'sgbv',
        'vbg',
        'protection',
        'protección',
        'incident',
        'incidente',
        'abuse',
        'abus',
        'abuso',
      ],
    },
  }),
  prefilter: (p) => p.length >= MIN_CHARS && (p.chars & HAS_SPACE) !== 0,
  matcher: () => matchFreeTextPersonal,
  signal: mentionsProtection,
  assess: assessFreeText,
};

/*
 * Text helpers shared by the detectors: accent- and case-insensitive folding, and header tokens so
 * that `telefono_movil`, `TelefonoMovil`, `Téléphone mobile` and `tel1` all speak of a telephone.
 */

const ASCII = /^[\x20-\x7e]*$/;

/** Lower case without accents: "Prénom" → "prenom", "Teléfono" → "telefono". */
export function fold(text: string): string {
  // Most values are plain ASCII: skip Unicode normalisation for them (the scan's hottest path).
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Words that carry no meaning in headers ("fecha de nacimiento" matches "fecha_nacimiento"). */
const STOP_WORDS = new Set([
  'a',
  'and',
  'd',
  'de',
  'del',
  'des',
  'du',
  'e',
  'el',
  'en',
  'et',
  'in',
  'l',
  'la',
  'las',
  'le',
  'les',
  'los',
  'of',
  'the',
  'y',
]);

/** A light stem so plurals match singulars in all three languages ("telefonos", "emails"). */
function stem(token: string): string {
  return token.length > 3 && token.endsWith('s') ? token.slice(0, -1) : token;
}

/**
 * Header text → meaningful tokens: camelCase, digits and punctuation split words; accents and case
 * are dropped, stop words removed and plurals stemmed. "N° de téléphone (mobile)2" → [n, telephone, mobile, 2].
 */
export function headerTokens(header: string): string[] {
  const spaced = header
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\d)/gu, '$1 $2')
    .replace(/(\d)(\p{L})/gu, '$1 $2');
  return fold(spaced)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '' && !STOP_WORDS.has(token))
    .map(stem);
}

/** A phrase compiled once: its tokens, and the same tokens glued ("date of birth" → "datebirth"). */
export interface Phrase {
  tokens: readonly string[];
  glued: string;
}

export function phrase(text: string): Phrase {
  const tokens = headerTokens(text);
  if (tokens.length === 0) throw new Error(`Header phrase "${text}" has no meaningful word`);
  return { tokens, glued: tokens.join('') };
}

/**
 * The phrase's tokens appear side by side in the header, or glued into one header token
 * ("fechanacimiento", "phonenumber").
 */
export function hasPhrase(tokens: readonly string[], target: Phrase): boolean {
  const n = target.tokens.length;
  for (let i = 0; i + n <= tokens.length; i++) {
    let all = true;
    for (let j = 0; j < n; j++) {
      if (tokens[i + j] !== target.tokens[j]) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return n > 1 && tokens.includes(target.glued);
}

let lastValue: string | null = null;
let lastWords: readonly string[] = [];
let lastJoined: string | null = null;

/**
 * Words of a value, folded: for vocabulary checks ("Musulmán" → ["musulman"]). Several detectors
 * ask for the words of the same value one after the other, so the last answer is remembered.
 */
export function valueWords(value: string): readonly string[] {
  if (value !== lastValue) {
    lastWords = asciiWords(value) ?? splitWords(fold(value));
    lastJoined = null;
    lastValue = value;
  }
  return lastWords;
}

function splitWords(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

/**
 * `splitWords(fold(value))` for printable ASCII (what `fold` only lower-cases): the runs of
 * letters and digits, without the Unicode pattern. Null for any other text.
 */
function asciiWords(value: string): string[] | null {
  let lower: string | null = null;
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= value.length; i++) {
    const c = i < value.length ? value.charCodeAt(i) : 32;
    if (c < 0x20 || c > 0x7e) return null;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push((lower ??= value.toLowerCase()).slice(start, i));
      start = -1;
    }
  }
  return words;
}

/** The folded words of a value joined by single spaces ("Église  Catholique" → "eglise catholique"). */
function joinedWords(value: string): string {
  valueWords(value);
  return (lastJoined ??= lastWords.join(' '));
}

/** A folded vocabulary with multi-word entries: `has("Église catholique")` checks every word run. */
export class Vocabulary {
  private readonly entries: Set<string>;
  /** First words of multi-word entries: only after one of them is a longer run worth building. */
  private readonly starts: Set<string>;
  private readonly longest: number;
  /**
   * The `wordKey`s of entries and starts: a word whose key is not here is neither, which a table
   * read tells before hashing the word (most words of a text are in no vocabulary).
   */
  private readonly keys = new Uint8Array(1 << 16);

  constructor(words: readonly string[]) {
    const entries = words.map((word) => [...valueWords(word)]);
    this.entries = new Set(entries.map((parts) => parts.join(' ')));
    this.starts = new Set(entries.filter((parts) => parts.length > 1).map((parts) => parts[0]!));
    this.longest = Math.max(1, ...entries.map((parts) => parts.length));
    for (const word of [...this.entries, ...this.starts]) if (word !== '') this.keys[wordKey(word)] = 1;
  }

  /** The whole value is one entry. */
  isEntry(value: string): boolean {
    return this.entries.has(joinedWords(value));
  }

  /** Some run of words of the value is an entry. */
  mentions(value: string): boolean {
    return this.mentionsWords(valueWords(value));
  }

  mentionsWords(words: readonly string[]): boolean {
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (this.keys[wordKey(word)] === 0) continue;
      if (this.entries.has(word)) return true;
      if (!this.starts.has(word)) continue;
      let run = word;
      for (let j = i + 1; j < Math.min(words.length, i + this.longest); j++) {
        run = `${run} ${words[j]}`;
        if (this.entries.has(run)) return true;
      }
    }
    return false;
  }
}

/** 16 bits from the length and the first and last characters of a non-empty word. */
function wordKey(word: string): number {
  const n = word.length;
  return (Math.min(n, 63) << 10) | ((word.charCodeAt(0) & 31) << 5) | (word.charCodeAt(n - 1) & 31);
}

import type { Confidence, DetectionSignal, DetectorId } from '../classification.schema.js';
import { hasPhrase, phrase, type Phrase } from './text.js';

/**
 * What one value says about a detector, weakest to strongest:
 * - NONE: not this kind of data;
 * - SHAPE: looks like it but cannot be validated (counts only when the header or HXL says so);
 * - VALID: passes the validation (checksum, calendar, phone metadata, vocabulary);
 * - DISTINCTIVE: valid in a form that names its kind on its own (`+254…`, an MRZ line, a lat/lon pair).
 */
export const NONE = 0;
export const SHAPE = 1;
export const VALID = 2;
export const DISTINCTIVE = 3;
export type Verdict = typeof NONE | typeof SHAPE | typeof VALID | typeof DISTINCTIVE;

/** Facts every matcher of one column may use; nothing here reads a clock or the disk. */
export interface MatchContext {
  /** Today as YYYY-MM-DD, from the injected clock: dates of birth after it are implausible. */
  today: string;
  /** ISO 3166 countries whose national phone formats are accepted without a `+` prefix. */
  countries: readonly string[];
}

/** Checks one value at a time; may learn from earlier values of the same column. */
export type Matcher = (value: string) => Verdict;

/*
 * What characters a value holds, computed once per value so that most detectors can turn a value
 * down without looking at it again (a phone has no letters, an e-mail has an @, …).
 */
export const HAS_DIGIT = 1;
export const HAS_LETTER = 2;
export const HAS_AT = 4;
export const HAS_SPACE = 8;
export const HAS_DOT = 16;
export const HAS_COLON = 32;
/** A comma or a semicolon. */
export const HAS_COMMA = 64;

export interface ValueProfile {
  /** HAS_* bits. Characters beyond ASCII count as letters. */
  chars: number;
  length: number;
}

/** HAS_* bits of each ASCII character. */
const ASCII_CLASSES = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASSES[c] = HAS_DIGIT;
for (let c = 65; c <= 90; c++) ASCII_CLASSES[c] = ASCII_CLASSES[c + 32] = HAS_LETTER;
ASCII_CLASSES[64] = HAS_AT;
ASCII_CLASSES[32] = HAS_SPACE;
ASCII_CLASSES[46] = HAS_DOT;
ASCII_CLASSES[58] = HAS_COLON;
ASCII_CLASSES[44] = ASCII_CLASSES[59] = HAS_COMMA;

/** The profile of `value`, written into `into` (reused by the classifier so profiling allocates nothing). */
export function profileOf(value: string, into: ValueProfile = { chars: 0, length: 0 }): ValueProfile {
  let chars = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    chars |= c < 128 ? ASCII_CLASSES[c]! : HAS_LETTER;
  }
  into.chars = chars;
  into.length = value.length;
  return into;
}

/** How strongly the column header (or its HXL hashtag) names this kind of data. */
export const NO_HEADER = 0;
export const WEAK_HEADER = 1;
export const STRONG_HEADER = 2;
export type HeaderStrength = typeof NO_HEADER | typeof WEAK_HEADER | typeof STRONG_HEADER;

/** Counts for one detector over the values of one column. */
export interface Tally {
  nonEmpty: number;
  shape: number;
  valid: number;
  distinctive: number;
  /** Values that also carried a signal (e.g. protection vocabulary in case notes). */
  signalled: number;
}

export interface Assessment {
  confidence: Confidence;
  matched: number;
  signals?: DetectionSignal[];
}

export interface Evidence {
  tally: Tally;
  header: HeaderStrength;
  /** The dataset is about people (HXL #respondee/#beneficiary, a name column, a source named "beneficiaries"). */
  personContext: boolean;
  /** The header itself names a signal (e.g. "GBV case number"). */
  headerSignals: readonly DetectionSignal[];
}

export interface Detector {
  id: DetectorId;
  header: HeaderTerms;
  /**
   * Values alone never make a detection (dates of birth, case numbers, ethnicity, biometrics): without
   * header or HXL evidence the classifier does not even run the matcher.
   */
  needsHeader?: boolean;
  /** Builds the matcher of one column; absent for detectors that only read headers. */
  matcher?(context: MatchContext): Matcher;
  /**
   * A cheap first look: false when the matcher would surely say NONE (or, without a header, surely
   * nothing above SHAPE). Only speed depends on it; a test checks it never hides a match.
   */
  prefilter?(profile: ValueProfile, withHeader: boolean): boolean;
  /** Optional second look at a value the matcher accepted (protection vocabulary, …). */
  signal?(value: string): boolean;
  /** Combines header and value evidence into a detection, or null for none. */
  assess(evidence: Evidence): Assessment | null;
  /** Masks an example for display; the default keeps a few leading and trailing characters. */
  mask?(value: string): string;
}

/** Header phrases in English, French and Spanish, compiled once. */
export interface HeaderTerms {
  strong: readonly Phrase[];
  weak: readonly Phrase[];
  /** Words that mean the column is about something else ("invoice number", "report date"). */
  veto: readonly Phrase[];
  /** Phrases that add a signal when present ("gbv", "protection"). */
  signals?: ReadonlyArray<{ phrase: Phrase; signal: DetectionSignal }>;
}

export function headerTerms(terms: {
  strong?: readonly string[];
  weak?: readonly string[];
  veto?: readonly string[];
  signals?: Partial<Record<DetectionSignal, readonly string[]>>;
}): HeaderTerms {
  return {
    strong: (terms.strong ?? []).map(phrase),
    weak: (terms.weak ?? []).map(phrase),
    veto: (terms.veto ?? []).map(phrase),
    signals: Object.entries(terms.signals ?? {}).flatMap(([signal, texts]) =>
      (texts ?? []).map((text) => ({ phrase: phrase(text), signal: signal as DetectionSignal })),
    ),
  };
}

export interface HeaderMatch {
  strength: HeaderStrength;
  /** A veto word is present: the header names something else, values alone must not decide. */
  vetoed: boolean;
  signals: DetectionSignal[];
}

export function matchHeader(tokens: readonly string[], terms: HeaderTerms): HeaderMatch {
  const vetoed = terms.veto.some((p) => hasPhrase(tokens, p));
  const signals = [
    ...new Set((terms.signals ?? []).filter((s) => hasPhrase(tokens, s.phrase)).map((s) => s.signal)),
  ];
  if (vetoed) return { strength: NO_HEADER, vetoed, signals };
  if (terms.strong.some((p) => hasPhrase(tokens, p))) return { strength: STRONG_HEADER, vetoed, signals };
  if (terms.weak.some((p) => hasPhrase(tokens, p))) return { strength: WEAK_HEADER, vetoed, signals };
  return { strength: NO_HEADER, vetoed, signals };
}

import {
  confidenceRank,
  lowerConfidence,
  raiseConfidence,
  type Confidence,
  type DetectionSignal,
} from '../classification.schema.js';
import { STRONG_HEADER, WEAK_HEADER, type Assessment, type Evidence } from './detector.js';

/**
 * How header and value evidence combine, in the spirit of Microsoft Purview's primary element plus
 * supporting evidence and Presidio's context words (see docs/classification.md):
 * - a strong header (or HXL hashtag) names the column: high when at least half the values fit its
 *   shape, medium from a fifth, low otherwise (the column is still declared as such);
 * - a weak header ("name", "contact") raises validated values one level when they are at least half
 *   the values; values that only have the shape give a low detection;
 * - without a header, only validated values count, and only detectors whose validation is specific
 *   enough (`valueOnly`) may decide on values alone.
 */
export interface ConfidenceRule {
  /** Best confidence from validated values without any header; null when values alone never suffice. */
  valueOnly: Confidence | null;
  /** Best confidence when distinctive values (`+254…`, MRZ lines) make up most validated ones. */
  distinctive?: Confidence;
  /** In a dataset about people, a weak header counts as strong and value-only evidence one level higher. */
  contextRaises?: boolean;
}

const HIGH_SHARE = 0.8;
const MOST_SHARE = 0.5;
const SOME_SHARE = 0.2;

export function assessStandard(evidence: Evidence, rule: ConfidenceRule): Assessment | null {
  const { tally, personContext } = evidence;
  const header =
    evidence.header === WEAK_HEADER && personContext && rule.contextRaises ? STRONG_HEADER : evidence.header;
  const signals = signalsOf(evidence);
  const fitting = tally.shape + tally.valid + tally.distinctive;
  const validated = tally.valid + tally.distinctive;

  if (header === STRONG_HEADER) {
    const share = tally.nonEmpty === 0 ? 0 : fitting / tally.nonEmpty;
    const confidence: Confidence = share >= MOST_SHARE ? 'high' : share >= SOME_SHARE ? 'medium' : 'low';
    return withSignals({ confidence, matched: fitting }, signals);
  }
  const fromValues = assessValues(evidence, rule);
  if (header === WEAK_HEADER && tally.nonEmpty > 0) {
    let confidence: Confidence | null = null;
    if (validated / tally.nonEmpty >= MOST_SHARE) confidence = raiseConfidence(rule.valueOnly ?? 'low');
    else if (fitting / tally.nonEmpty >= MOST_SHARE) confidence = 'low';
    // A weak header never makes the evidence weaker than the values alone.
    if (confidence && (!fromValues || confidenceRank(confidence) > confidenceRank(fromValues.confidence)))
      return withSignals({ confidence, matched: fitting }, signals);
  }
  return fromValues && withSignals(fromValues, signals);
}

/** Validated values without any header. */
function assessValues(evidence: Evidence, rule: ConfidenceRule): Assessment | null {
  const { tally, personContext } = evidence;
  const validated = tally.valid + tally.distinctive;
  if (tally.nonEmpty === 0 || validated === 0) return null;
  let cap = tally.distinctive * 2 >= validated && rule.distinctive ? rule.distinctive : rule.valueOnly;
  if (cap === null) return null;
  if (personContext && rule.contextRaises) cap = raiseConfidence(cap);
  const share = validated / tally.nonEmpty;
  let confidence: Confidence | null = null;
  if (share >= HIGH_SHARE) confidence = cap;
  else if (share >= MOST_SHARE) confidence = lowerConfidence(cap);
  else if (share >= SOME_SHARE && cap === 'high') confidence = 'low';
  return confidence === null ? null : { confidence, matched: validated };
}

function signalsOf(evidence: Evidence): DetectionSignal[] {
  return [...evidence.headerSignals];
}

export function withSignals(assessment: Assessment, signals: readonly DetectionSignal[]): Assessment {
  return signals.length > 0 ? { ...assessment, signals: [...new Set(signals)] } : assessment;
}

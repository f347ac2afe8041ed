import {
  GENERIC_REASON_PREFIX,
  type Condition,
  type FieldValue,
  type LeafOutcome,
  type LocalisedText,
  type ReasonDefinition,
} from './condition.schema.js';
import { dayNumber } from './calendar-date.js';
import { fieldReader, ruleFieldLabel, type ScoredAsset } from './scored-asset.js';

/*
 * Evaluating rule conditions. A condition compiles once into two closures: `test`, a cheap yes/no
 * used for every asset, and `explain`, called only when a control fails or does not apply, which
 * says why in words (a reason code for translation, English text, and the values behind it).
 */

export type ReasonParams = Record<string, string | number>;

export interface Reason {
  /** Stable code for translation: `<control>.<reason>` from the definition, or a generic `rule.*`. */
  code: string;
  /** English text. */
  message: string;
  params: ReasonParams;
}

export interface CompiledCondition {
  test(asset: ScoredAsset): boolean;
  /** Why the condition is not `want` for this asset; empty when it is. */
  explain(asset: ScoredAsset, want: boolean): Reason[];
}

/** Field test results; HOLDS means the test passed. */
type Outcome = LeafOutcome | typeof HOLDS;
const HOLDS = 'holds';

interface Leaf {
  evaluate(value: unknown): Outcome;
  params(value: unknown): ReasonParams;
  /** Generic reason codes and English templates for each way the test can fail, and for "must not". */
  generic: Partial<Record<LeafOutcome, [string, string]>>;
  negated: [string, string];
}

/** Compile a validated condition for scoring on `asOfDay` (a day number from calendar-date.ts). */
export function compileCondition(condition: Condition, asOfDay: number): CompiledCondition {
  if ('all' in condition) {
    const parts = condition.all.map((child) => compileCondition(child, asOfDay));
    return branch(condition.reason, parts, 'all');
  }
  if ('any' in condition) {
    const parts = condition.any.map((child) => compileCondition(child, asOfDay));
    return branch(condition.reason, parts, 'any');
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, asOfDay);
    const own = condition.reason ? definedReason(condition.reason) : null;
    return {
      test: (asset) => !inner.test(asset),
      explain: (asset, want) => {
        const why = inner.explain(asset, !want);
        return want && why.length > 0 && own ? [own({})] : why;
      },
    };
  }
  return compileLeaf(condition, asOfDay);
}

function branch(
  reason: ReasonDefinition | undefined,
  parts: CompiledCondition[],
  kind: 'all' | 'any',
): CompiledCondition {
  const own = reason ? definedReason(reason) : null;
  // plain loops: no callback allocated per asset
  const test =
    kind === 'all'
      ? (asset: ScoredAsset) => {
          for (const part of parts) if (!part.test(asset)) return false;
          return true;
        }
      : (asset: ScoredAsset) => {
          for (const part of parts) if (part.test(asset)) return true;
          return false;
        };
  return {
    test,
    explain: (asset, want) => {
      if (test(asset) === want) return [];
      // all wanted true / any wanted false: every child must match, so list each one that does not.
      // all wanted false / any wanted true: no child matched, so each child's reason is part of the answer.
      const why = parts.flatMap((part) => part.explain(asset, want));
      return want && own ? [own({})] : why;
    },
  };
}

function compileLeaf(condition: Condition, asOfDay: number): CompiledCondition {
  const [field, leaf, reasons] = leafOf(condition, asOfDay);
  const read = fieldReader(field);
  const label = ruleFieldLabel(field);
  // Reasons are prepared once here, not per asset: the outcome's own reason, else the condition's, else generic.
  const failureReasons = new Map<Outcome, ReasonMaker>();
  for (const [outcome, template] of Object.entries(leaf.generic) as [LeafOutcome, [string, string]][]) {
    const own = reasons?.[outcome] ?? condition.reason;
    failureReasons.set(outcome, own ? definedReason(own) : genericReason(template));
  }
  const negatedReason = genericReason(leaf.negated);
  return {
    test: (asset) => leaf.evaluate(read(asset)) === HOLDS,
    explain: (asset, want) => {
      const value = read(asset);
      const outcome = leaf.evaluate(value);
      if ((outcome === HOLDS) === want) return [];
      const params = { field: label, field_key: field, ...leaf.params(value) };
      return [(want ? failureReasons.get(outcome)! : negatedReason)(params)];
    },
  };
}

type LeafReasonMap = Partial<Record<LeafOutcome, ReasonDefinition>>;

function leafOf(condition: Condition, asOfDay: number): [string, Leaf, LeafReasonMap | undefined] {
  if ('field_set' in condition) return [condition.field_set, fieldSetLeaf, condition.reasons];
  if ('field_in' in condition) {
    const { field, values } = condition.field_in;
    return [field, fieldInLeaf(values), condition.reasons];
  }
  if ('date_within_days' in condition) {
    const { field, days } = condition.date_within_days;
    return [field, dateWithinLeaf(days, asOfDay), condition.reasons];
  }
  if ('min_length' in condition) {
    const { field, length } = condition.min_length;
    return [field, minLengthLeaf(length), condition.reasons];
  }
  throw new Error('not a field condition');
}

/** Empty text (after trimming), an empty list, null and undefined count as not set; false and 0 are set. */
export function isFieldSet(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

const fieldSetLeaf: Leaf = {
  evaluate: (value) => (isFieldSet(value) ? HOLDS : 'missing'),
  params: () => ({}),
  generic: { missing: ['field_missing', '{field} is not set'] },
  negated: ['field_present', '{field} must not be set'],
};

/**
 * Text compares trimmed and case-insensitively ("confidential" matches "Confidential"); a list matches
 * when any of its items does.
 */
function fieldInLeaf(values: FieldValue[]): Leaf {
  const wanted = new Set<FieldValue>(values.map(normalise));
  // Text fields such as labels repeat a few values across thousands of assets: remember each answer
  // rather than lower-casing the same text again (bounded, for fields with many distinct values).
  const textAnswers = new Map<string, boolean>();
  const matchesText = (value: string): boolean => {
    let answer = textAnswers.get(value);
    if (answer === undefined) {
      answer = wanted.has(normalise(value));
      if (textAnswers.size < 1000) textAnswers.set(value, answer);
    }
    return answer;
  };
  const matches = (value: unknown): boolean =>
    typeof value === 'string'
      ? matchesText(value)
      : typeof value === 'number' || typeof value === 'boolean'
        ? wanted.has(value)
        : Array.isArray(value) && value.some(matches);
  const listed = values.map(String).join(', ');
  return {
    evaluate: (value) => (!isFieldSet(value) ? 'missing' : matches(value) ? HOLDS : 'not_in_list'),
    params: () => ({ values: listed }),
    generic: {
      missing: ['field_missing', '{field} is not set'],
      not_in_list: ['field_not_in_list', '{field} is not one of: {values}'],
    },
    negated: ['field_in_list', '{field} must not be one of: {values}'],
  };
}

function normalise(value: FieldValue): FieldValue {
  return typeof value === 'string' ? value.trim().toLowerCase() : value;
}

/**
 * Holds when the field is a calendar date d with 0 ≤ (as-of − d) ≤ days: 365 days before the scoring
 * date passes, 366 fails. A date after the scoring date fails: nobody can have reviewed in the future,
 * and passing it would let a mistyped year keep an asset healthy for ever.
 */
function dateWithinLeaf(days: number, asOfDay: number): Leaf {
  const age = (value: unknown): number | null => {
    const day = dayNumber(value);
    return day === null ? null : asOfDay - day;
  };
  return {
    evaluate: (value) => {
      if (!isFieldSet(value)) return 'missing';
      const elapsed = age(value);
      if (elapsed === null) return 'invalid';
      if (elapsed < 0) return 'future';
      return elapsed <= days ? HOLDS : 'too_old';
    },
    params: (value) => {
      const elapsed = age(value);
      const params: ReasonParams = { days };
      if (typeof value === 'string') params.date = value;
      if (elapsed !== null && elapsed >= 0) params.age_days = elapsed;
      if (elapsed !== null && elapsed < 0) params.days_ahead = -elapsed;
      return params;
    },
    generic: {
      missing: ['field_missing', '{field} is not set'],
      invalid: ['date_invalid', '{field} is not a valid date (YYYY-MM-DD)'],
      future: ['date_in_future', '{field} is {days_ahead} days after the scoring date'],
      too_old: ['date_too_old', '{field} is {age_days} days old, more than {days}'],
    },
    negated: ['date_within', '{field} must not be within {days} days of the scoring date'],
  };
}

/** Counts characters (Unicode code points) of the trimmed text. */
function minLengthLeaf(length: number): Leaf {
  return {
    evaluate: (value) => {
      if (!isFieldSet(value)) return 'missing';
      if (typeof value !== 'string') return 'too_short';
      return hasAtLeast(value.trim(), length) ? HOLDS : 'too_short';
    },
    params: (value) => ({
      length,
      ...(typeof value === 'string' ? { actual_length: codePoints(value.trim(), Infinity) } : {}),
    }),
    generic: {
      missing: ['field_missing', '{field} is not set'],
      too_short: ['text_too_short', '{field} has fewer than {length} characters'],
    },
    negated: ['text_long_enough', '{field} must have fewer than {length} characters'],
  };
}

function hasAtLeast(textValue: string, length: number): boolean {
  if (textValue.length < length) return false; // UTF-16 units are never fewer than code points
  if (textValue.length >= 2 * length) return true; // a code point is at most two units
  return codePoints(textValue, length) >= length;
}

function codePoints(textValue: string, stopAt: number): number {
  let count = 0;
  for (const _ of textValue) {
    count += 1;
    if (count >= stopAt) break;
  }
  return count;
}

type ReasonMaker = (params: ReasonParams) => Reason;

function genericReason([slug, template]: [string, string]): ReasonMaker {
  return reasonMaker(`${GENERIC_REASON_PREFIX}.${slug}`, template);
}

function definedReason(reason: ReasonDefinition): ReasonMaker {
  return reasonMaker(reason.code, reason.message.en);
}

function reasonMaker(code: string, template: string): ReasonMaker {
  const fill = compileTemplate(template);
  return (params) => ({ code, message: fill(params), params });
}

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/** A template split once into text and `{name}` placeholders, filled by concatenation. */
function compileTemplate(template: string): (params: ReasonParams) => string {
  const texts: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    texts.push(template.slice(last, match.index));
    names.push(match[1]!);
    last = match.index + match[0].length;
  }
  const tail = template.slice(last);
  if (names.length === 0) return () => template;
  return (params) => {
    let result = '';
    for (let i = 0; i < names.length; i += 1) {
      const name = names[i]!;
      result += texts[i]! + (Object.hasOwn(params, name) ? String(params[name]) : `{${name}}`);
    }
    return result + tail;
  };
}

/** `{name}` placeholders filled from params; unknown names stay as written so a typo shows. */
export function interpolate(template: string, params: ReasonParams): string {
  return compileTemplate(template)(params);
}

/** The text of a localised message in a language, falling back to English. */
export function localised(textValue: LocalisedText, language: 'en' | 'fr' | 'es'): string {
  return textValue[language] ?? textValue.en;
}

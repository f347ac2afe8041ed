import { errors, type FieldIssue } from '../../core/errors.js';

/*
 * Disclosure risk of microdata (statistical disclosure control), as sdcMicro measures it
 * (Templ, Kowarik & Meindl, "Statistical Disclosure Control for Micro-Data Using the R Package
 * sdcMicro", JSS 67(4), 2015; github.com/sdcTools/sdcMicro: R/measure_risk.R, R/freqCalc.R,
 * R/indivRisk.R, and the expected values of tests/testthat/test_indivRisk.R).
 * Pure: records in, numbers out; nothing is read or written here.
 */

/** HDX's review treats a global risk below 3% as publishable; above it, the contributor is consulted. */
export const HDX_GLOBAL_RISK_THRESHOLD = 0.03;
export const K_LEVELS = [2, 3, 5] as const;
const MAX_QUASI_IDENTIFIERS = 30;
const DEFAULT_TOP_KEYS = 10;

export interface DisclosureInput {
  /** Columns whose combination (the key) could single a person out: age, sex, location, … */
  quasiIdentifiers: readonly string[];
  records: ReadonlyArray<Readonly<Record<string, string | undefined>>>;
  /** Sampling weight column: each record stands for that many people in the population. */
  weight?: string | null;
  /** Columns whose values must not be learnt from the key (l-diversity). */
  sensitive?: readonly string[];
  /** How many of the riskiest keys to list (default 10). */
  topKeys?: number;
}

export interface RiskSummary {
  /** Sum of individual risks: the expected number of re-identifications. */
  expected_reidentifications: number;
  /** expected_reidentifications / records. */
  share: number;
  threshold: number;
  above_threshold: boolean;
  /** Records whose key no other record shares. */
  sample_uniques: number;
  /** Records in keys shared by fewer than k records, for k = 2, 3, 5. */
  violating: Record<`k${(typeof K_LEVELS)[number]}`, number>;
}

export interface RiskyKey {
  key: Record<string, string | null>;
  /** Records in the sample sharing the key (missing values match any value). */
  fk: number;
  /** Estimated records in the population (sum of weights); absent without weights. */
  Fk?: number;
  risk: number;
}

export interface LDiversity {
  column: string;
  /** The smallest number of distinct sensitive values within one key. */
  min_l: number;
  /** Keys whose records all share one sensitive value: knowing the key reveals it. */
  keys_with_l1: number;
  records_with_l1: number;
}

export interface DisclosureRisk extends RiskSummary {
  records: number;
  quasi_identifiers: string[];
  weight: string | null;
  /** Distinct keys (combinations of quasi-identifier values). */
  keys: number;
  max_individual_risk: number;
  riskiest_keys: RiskyKey[];
  l_diversity: LDiversity[];
}

/** A quasi-identifier value; empty cells are missing and, as in sdcMicro, stand for any category. */
function valueOf(record: Readonly<Record<string, string | undefined>>, column: string): string | null {
  const text = record[column]?.trim() ?? '';
  return text === '' ? null : text;
}

interface Pattern {
  values: (string | null)[];
  /** Bit i set: quasi-identifier i is missing. */
  mask: number;
  count: number;
  weight: number;
  /** Records sharing the key under sdcMicro's rule (missing matches anything). */
  fk: number;
  Fk: number;
  risk: number;
  /** Per sensitive column: distinct values within this exact key and whether some are missing. */
  sensitive: Array<{ values: Set<string>; missing: boolean }>;
}

/**
 * Individual re-identification risk of a record whose key has sample frequency `fk` and estimated
 * population frequency `Fk` (sum of weights): sdcMicro's indivRisk(method = "approx"), the
 * Benedetti–Franconi estimate under a negative binomial model, with p = fk / Fk:
 *   fk = 1:  p/(1−p) · ln(1/p)
 *   fk = 2:  p/(1−p) − (p/(1−p))² · ln(1/p)
 *   fk ≥ 3:  p / (fk − (1 − p))
 * When Fk ≤ fk the sample is the population (sdcMicro: fk == Fk) and the risk is 1/fk; without
 * weights it is always 1/fk.
 */
export function individualRisk(fk: number, Fk?: number): number {
  if (fk < 1) throw new Error(`A key has at least one record, got fk = ${fk}`);
  if (Fk === undefined || Fk <= fk) return 1 / fk;
  const p = fk / Fk;
  const odds = p / (1 - p);
  if (fk === 1) return odds * Math.log(1 / p);
  if (fk === 2) return odds - odds * odds * Math.log(1 / p);
  return p / (fk - (1 - p));
}

function projection(values: readonly (string | null)[], excluded: number): string {
  let key = '';
  for (let i = 0; i < values.length; i++) if (!(excluded & (1 << i))) key += `${values[i]}\u001f`;
  return key;
}

/**
 * Sample and population frequencies with sdcMicro's rule for missing values: two keys match when
 * they agree on every quasi-identifier that both have. Patterns are grouped by which values are
 * missing, so the work grows with (distinct keys) × (distinct missing-value patterns), not records².
 */
function computeFrequencies(patterns: Pattern[]): void {
  const byMask = new Map<number, Pattern[]>();
  for (const p of patterns) {
    const group = byMask.get(p.mask);
    if (group) group.push(p);
    else byMask.set(p.mask, [p]);
  }
  for (const [maskA, groupA] of byMask) {
    for (const [maskB, groupB] of byMask) {
      const excluded = maskA | maskB;
      const totals = new Map<string, { count: number; weight: number }>();
      for (const q of groupB) {
        const key = projection(q.values, excluded);
        const t = totals.get(key) ?? { count: 0, weight: 0 };
        t.count += q.count;
        t.weight += q.weight;
        totals.set(key, t);
      }
      for (const p of groupA) {
        const t = totals.get(projection(p.values, excluded));
        if (t) {
          p.fk += t.count;
          p.Fk += t.weight;
        }
      }
    }
  }
}

function parseWeight(text: string | undefined, recordNumber: number, column: string): number | FieldIssue {
  const value = Number((text ?? '').trim().replace(',', '.'));
  if ((text ?? '').trim() === '' || !Number.isFinite(value) || value <= 0)
    return {
      path: column,
      row: recordNumber,
      column,
      message: 'a sampling weight must be a positive number',
    };
  return value;
}

/**
 * Measure the disclosure risk of `records` for the chosen quasi-identifiers: key frequencies,
 * k-anonymity for k = 2, 3, 5, individual risk (1/fk, or the sdcMicro estimate with weights),
 * global risk against HDX's 3% threshold, l-diversity of sensitive columns and the riskiest keys.
 */
export function measureDisclosureRisk(input: DisclosureInput): DisclosureRisk {
  const qi = [...input.quasiIdentifiers];
  if (qi.length === 0) throw errors.validation('Give at least one quasi-identifier');
  if (qi.length > MAX_QUASI_IDENTIFIERS)
    throw errors.validation(`At most ${MAX_QUASI_IDENTIFIERS} quasi-identifiers`);
  const sensitive = [...(input.sensitive ?? [])];
  const weightColumn = input.weight ?? null;
  const patterns = new Map<string, Pattern>();
  const weightIssues: FieldIssue[] = [];

  input.records.forEach((record, index) => {
    const values = qi.map((column) => valueOf(record, column));
    const key = values.map((v) => (v === null ? '\u0000' : `${v}\u001f`)).join('\u001e');
    let pattern = patterns.get(key);
    if (!pattern) {
      const mask = values.reduce((m, v, i) => (v === null ? m | (1 << i) : m), 0);
      pattern = {
        values,
        mask,
        count: 0,
        weight: 0,
        fk: 0,
        Fk: 0,
        risk: 0,
        sensitive: sensitive.map(() => ({ values: new Set<string>(), missing: false })),
      };
      patterns.set(key, pattern);
    }
    pattern.count++;
    if (weightColumn) {
      const weight = parseWeight(record[weightColumn], index + 1, weightColumn);
      if (typeof weight === 'number') pattern.weight += weight;
      else if (weightIssues.length < 20) weightIssues.push(weight);
    } else pattern.weight += 1;
    sensitive.forEach((column, i) => {
      const value = valueOf(record, column);
      if (value === null) pattern.sensitive[i]!.missing = true;
      else pattern.sensitive[i]!.values.add(value);
    });
  });
  if (weightIssues.length > 0)
    throw errors.validation(
      `${weightColumn}: ${weightIssues.length} record(s) have no usable weight`,
      weightIssues,
    );

  const all = [...patterns.values()];
  computeFrequencies(all);
  for (const p of all) p.risk = individualRisk(p.fk, weightColumn ? p.Fk : undefined);

  const summary = summarise(all, input.records.length);
  const topKeys = input.topKeys ?? DEFAULT_TOP_KEYS;
  const riskiest = [...all]
    .sort((a, b) => b.risk - a.risk || a.fk - b.fk || (a.values.join() < b.values.join() ? -1 : 1))
    .slice(0, topKeys)
    .map((p) => ({
      key: Object.fromEntries(qi.map((column, i) => [column, p.values[i] ?? null])),
      fk: p.fk,
      ...(weightColumn ? { Fk: round(p.Fk) } : {}),
      risk: p.risk,
    }));
  return {
    records: input.records.length,
    quasi_identifiers: qi,
    weight: weightColumn,
    keys: all.length,
    ...summary,
    max_individual_risk: all.reduce((max, p) => Math.max(max, p.risk), 0),
    riskiest_keys: riskiest,
    l_diversity: sensitive.map((column, i) => lDiversity(column, all, i)),
  };
}

/** Global figures from each key's record count, frequency and risk (summed per key, not per record). */
function summarise(
  keys: ReadonlyArray<{ count: number; fk: number; risk: number }>,
  records: number,
): RiskSummary {
  let expected = 0;
  let uniques = 0;
  const violating = { k2: 0, k3: 0, k5: 0 };
  for (const { count, fk, risk } of keys) {
    expected += count * risk;
    if (fk === 1) uniques += count;
    if (fk < 2) violating.k2 += count;
    if (fk < 3) violating.k3 += count;
    if (fk < 5) violating.k5 += count;
  }
  const share = records === 0 ? 0 : expected / records;
  return {
    expected_reidentifications: expected,
    share,
    threshold: HDX_GLOBAL_RISK_THRESHOLD,
    above_threshold: share > HDX_GLOBAL_RISK_THRESHOLD,
    sample_uniques: uniques,
    violating,
  };
}

/**
 * Distinct l-diversity within each exact key (as sdcMicro's ldiversity: a missing sensitive value
 * counts as one more value when the key also has others).
 */
function lDiversity(column: string, patterns: readonly Pattern[], index: number): LDiversity {
  let min = Number.POSITIVE_INFINITY;
  let keys = 0;
  let records = 0;
  for (const p of patterns) {
    const s = p.sensitive[index]!;
    const l = s.values.size + (s.missing && s.values.size > 0 ? 1 : 0);
    min = Math.min(min, l);
    if (l <= 1) {
      keys++;
      records += p.count;
    }
  }
  return { column, min_l: Number.isFinite(min) ? min : 0, keys_with_l1: keys, records_with_l1: records };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

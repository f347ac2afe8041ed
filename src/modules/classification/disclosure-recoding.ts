import { measureDisclosureRisk, type DisclosureInput, type RiskSummary } from './disclosure.js';
import type { HxlTag } from './hxl.js';
import { quasiIdentifierKind } from './quasi-identifiers.js';

/** One way to lower the risk, and the risk once applied. */
export interface RecodingSuggestion {
  id: string;
  description: string;
  columns: string[];
  after: RiskSummary;
}

type Recode = (value: string) => string;

interface Recoding {
  id: string;
  description: string;
  columns: string[];
  /** Column → new value; a column mapped to null is dropped from the key. */
  recode: ReadonlyMap<string, Recode | null>;
}

const RARE = 5;

function integers(values: readonly string[]): number[] | null {
  const numbers: number[] = [];
  for (const value of values) {
    const text = value.trim();
    if (text === '') continue;
    if (!/^\d{1,3}(\.0+)?$/.test(text)) return null;
    numbers.push(Number(text));
  }
  return numbers.length > 0 ? numbers : null;
}

function band(width: number, topCode: number): Recode {
  return (value) => {
    const text = value.trim();
    if (!/^\d+(\.\d+)?$/.test(text)) return text;
    const n = Math.floor(Number(text));
    if (n >= topCode) return `${topCode}+`;
    const low = Math.floor(n / width) * width;
    return `${low}-${low + width - 1}`;
  };
}

function topCode(limit: number): Recode {
  return (value) => {
    const text = value.trim();
    return /^\d+(\.\d+)?$/.test(text) && Number(text) >= limit ? `${limit}+` : text;
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** Candidate recodings for the chosen quasi-identifiers, from their kinds and values. */
function candidates(input: DisclosureInput, tags: ReadonlyMap<string, HxlTag | null>): Recoding[] {
  const found: Recoding[] = [];
  const admins: Array<{ column: string; level: number }> = [];
  for (const column of input.quasiIdentifiers) {
    const kind = quasiIdentifierKind(column, tags.get(column));
    const values = input.records.map((r) => r[column] ?? '');
    if (kind.kind === 'age' && integers(values)) {
      for (const width of [5, 10])
        found.push({
          id: `age_bands_${width}`,
          description: `Group \`${column}\` into ${width}-year bands, with 80 and over as "80+"`,
          columns: [column],
          recode: new Map([[column, band(width, 80)]]),
        });
    } else if (kind.kind === 'household_size') {
      const numbers = integers(values)?.sort((a, b) => a - b);
      if (numbers) {
        const limit = Math.max(3, percentile(numbers, 0.75));
        if (numbers[numbers.length - 1]! > limit)
          found.push({
            id: 'household_size_top_code',
            description: `Top-code \`${column}\` at ${limit} ("${limit}+"), where the largest quarter of households start`,
            columns: [column],
            recode: new Map([[column, topCode(limit)]]),
          });
      }
    } else if (kind.kind === 'admin') {
      admins.push({ column, level: kind.level });
    } else {
      const counts = new Map<string, number>();
      for (const v of values) if (v.trim() !== '') counts.set(v.trim(), (counts.get(v.trim()) ?? 0) + 1);
      const rare = [...counts].filter(([, n]) => n < RARE).map(([v]) => v);
      if (counts.size >= 3 && rare.length > 0) {
        const rareSet = new Set(rare);
        found.push({
          id: `group_rare_${column}`,
          description: `Group the ${rare.length} categories of \`${column}\` with fewer than ${RARE} records into "Other"`,
          columns: [column],
          recode: new Map([[column, (v: string) => (rareSet.has(v.trim()) ? 'Other' : v)]]),
        });
      }
    }
  }
  if (admins.length > 0) {
    const finest = [...admins].sort((a, b) => b.level - a.level)[0]!;
    const kept = admins.filter((a) => a !== finest).map((a) => `\`${a.column}\``);
    found.push({
      id: 'coarsen_location',
      description: kept.length
        ? `Coarsen the location: remove \`${finest.column}\` (the finest level) and keep ${kept.join(', ')}`
        : `Coarsen the location: remove \`${finest.column}\` or replace it with a larger area`,
      columns: [finest.column],
      recode: new Map([[finest.column, null]]),
    });
  }
  return found;
}

/** A stand-in key column when a recoding removes every quasi-identifier: everyone then shares one key. */
const NO_KEY = '\u0000no key';

function apply(input: DisclosureInput, recoding: Recoding): RiskSummary {
  const kept = input.quasiIdentifiers.filter((c) => recoding.recode.get(c) !== null);
  const records = input.records.map((record) => {
    const copy: Record<string, string | undefined> = { ...record, [NO_KEY]: '*' };
    for (const [column, recode] of recoding.recode) if (recode) copy[column] = recode(record[column] ?? '');
    return copy;
  });
  const { expected_reidentifications, share, threshold, above_threshold, sample_uniques, violating } =
    measureDisclosureRisk({
      ...input,
      records,
      quasiIdentifiers: kept.length > 0 ? kept : [NO_KEY],
      sensitive: [],
      topKeys: 0,
    });
  return { expected_reidentifications, share, threshold, above_threshold, sample_uniques, violating };
}

/**
 * Recodings that usually lower the risk of survey microdata, each with the risk after applying
 * it alone, then all of them together: age in 5- or 10-year bands, household size top-coded at
 * its 75th percentile, the finest administrative level removed, rare categories grouped.
 */
export function suggestRecodings(
  input: DisclosureInput,
  tags: ReadonlyMap<string, HxlTag | null> = new Map(),
): RecodingSuggestion[] {
  const found = candidates(input, tags);
  const suggestions = found.map((r) => ({
    id: r.id,
    description: r.description,
    columns: r.columns,
    after: apply(input, r),
  }));
  if (new Set(found.map((r) => r.columns.join())).size > 1) {
    // Together: the coarser age band only, so the two age suggestions do not stack.
    const together = found.filter((r) => r.id !== 'age_bands_5');
    const recode = new Map(together.flatMap((r) => [...r.recode]));
    const combined: Recoding = {
      id: 'all_together',
      description: `All of the above together${found.some((r) => r.id === 'age_bands_5') ? ' (10-year age bands)' : ''}`,
      columns: [...new Set(together.flatMap((r) => r.columns))],
      recode,
    };
    suggestions.push({ ...combined, after: apply(input, combined) });
  }
  return suggestions;
}

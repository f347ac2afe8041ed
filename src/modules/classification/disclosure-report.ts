import { errors } from '../../core/errors.js';
import type { ByteInput } from '../../core/tabular/byte-source.js';
import { readSpreadsheet } from '../../core/tabular/read.js';
import { measureDisclosureRisk, type DisclosureRisk } from './disclosure.js';
import { suggestRecodings, type RecodingSuggestion } from './disclosure-recoding.js';
import { isHxlRow, parseHxlTag, type HxlTag } from './hxl.js';
import { suggestQuasiIdentifiers } from './quasi-identifiers.js';

export interface DisclosureReportOptions {
  /** Quasi-identifier columns; when absent, columns that usually are (age, sex, location, …). */
  quasiIdentifiers?: readonly string[];
  weight?: string | null;
  sensitive?: readonly string[];
  topKeys?: number;
}

export interface DisclosureReport extends DisclosureRisk {
  /** Every column of the file (its headers), for choosing quasi-identifiers. */
  columns: string[];
  /** The quasi-identifiers were suggested from the headers rather than chosen. */
  suggested_quasi_identifiers: boolean;
  recodings: RecodingSuggestion[];
}

function requireColumns(flag: string, wanted: readonly string[], headers: readonly string[]): void {
  const missing = wanted.filter((c) => !headers.includes(c));
  if (missing.length > 0)
    throw errors.validation(
      `${flag}: no column ${missing.map((c) => `"${c}"`).join(', ')}; the columns are: ${headers.join(', ')}`,
      missing.map((c) => ({ path: flag, message: `no column "${c}"` })),
    );
}

/**
 * Read a microdata file (CSV or XLSX, through the shared spreadsheet reader), skip an HXL hashtag
 * row, and measure its disclosure risk for the quasi-identifiers with recoding suggestions.
 * Only the needed columns of each row are kept in memory.
 */
export async function disclosureReport(
  input: ByteInput,
  options: DisclosureReportOptions = {},
): Promise<DisclosureReport> {
  const table = await readSpreadsheet(input);
  const headers = table.headers;
  const records: Record<string, string>[] = [];
  // Hashtags as the only header row, or in the first row under the headers.
  let tags: (HxlTag | null)[] = isHxlRow(headers) ? headers.map(parseHxlTag) : [];
  let first = true;
  let wanted: string[] = [];
  let chosen = options.quasiIdentifiers ? [...options.quasiIdentifiers] : null;
  const weight = options.weight ?? null;
  const sensitive = [...(options.sensitive ?? [])];

  const prepare = () => {
    chosen ??= suggestQuasiIdentifiers(headers, tags);
    if (chosen.length === 0)
      throw errors.validation(
        '--qi: no column looks like a quasi-identifier; name them, e.g. --qi age,sex,district',
        [{ path: '--qi', message: 'give the quasi-identifier columns' }],
      );
    requireColumns('--qi', chosen, headers);
    if (weight) requireColumns('--weight', [weight], headers);
    requireColumns('--sensitive', sensitive, headers);
    const overlap = sensitive.filter((c) => chosen!.includes(c));
    if (overlap.length > 0)
      throw errors.validation(`--sensitive: ${overlap.join(', ')} is also a quasi-identifier`, [
        { path: '--sensitive', message: 'a sensitive column cannot also be a quasi-identifier' },
      ]);
    wanted = [...new Set([...chosen, ...(weight ? [weight] : []), ...sensitive])];
  };

  // Leaving the loop by an error closes the row stream, and with it the file.
  for await (const row of table.rows) {
    if (first) {
      first = false;
      const values = headers.map((h) => row.cells[h] ?? '');
      if (tags.length === 0 && isHxlRow(values)) {
        tags = values.map(parseHxlTag);
        prepare();
        continue;
      }
      prepare();
    }
    records.push(Object.fromEntries(wanted.map((c) => [c, row.cells[c] ?? ''])));
  }
  if (first) prepare();

  const quasiIdentifiers = chosen!;
  const measured = {
    quasiIdentifiers,
    records,
    weight,
    sensitive,
    ...(options.topKeys ? { topKeys: options.topKeys } : {}),
  };
  const risk = measureDisclosureRisk(measured);
  const tagByColumn = new Map(headers.map((h, i) => [h, tags[i] ?? null]));
  return {
    columns: [...headers],
    ...risk,
    suggested_quasi_identifiers: !options.quasiIdentifiers,
    recodings: suggestRecodings(measured, tagByColumn),
  };
}

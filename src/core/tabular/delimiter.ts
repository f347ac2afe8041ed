export type CsvDelimiter = ',' | ';' | '\t' | '|';

/** In order of preference when the evidence is equal. */
const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t', '|'];
const SAMPLE_RECORDS = 50;

/** Per record of the sample, how often each candidate appears outside quotes. */
function countPerRecord(sample: string): Map<CsvDelimiter, number[]> {
  const counts = new Map<CsvDelimiter, number[]>(CANDIDATES.map((d) => [d, []]));
  let current = new Map<CsvDelimiter, number>();
  let inQuotes = false;
  let records = 0;
  let recordHasText = false;
  const close = () => {
    if (recordHasText) {
      for (const d of CANDIDATES) counts.get(d)?.push(current.get(d) ?? 0);
      records++;
    }
    current = new Map();
    recordHasText = false;
  };
  for (const char of sample) {
    if (records >= SAMPLE_RECORDS) break;
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) close();
    else if (!inQuotes && (CANDIDATES as readonly string[]).includes(char)) {
      const d = char as CsvDelimiter;
      current.set(d, (current.get(d) ?? 0) + 1);
    }
    if (char.trim() !== '') recordHasText = true;
  }
  if (!inQuotes) close();
  return counts;
}

/**
 * Pick the delimiter that splits the first records most consistently: French and other
 * European Excel installations write semicolons (the comma is their decimal mark), "Unicode
 * text" uses tabs. The sample should end where the input was cut; a trailing partial record
 * only weakens the evidence a little.
 */
export function sniffDelimiter(sample: string): CsvDelimiter {
  const counts = countPerRecord(sample);
  let best: { delimiter: CsvDelimiter; consistency: number; fields: number } | null = null;
  for (const delimiter of CANDIDATES) {
    const perRecord = counts.get(delimiter) ?? [];
    if (perRecord.length === 0) continue;
    const header = perRecord[0] ?? 0;
    if (header === 0) continue;
    const consistency = perRecord.filter((n) => n === header).length / perRecord.length;
    const better =
      !best ||
      consistency > best.consistency + 1e-9 ||
      (Math.abs(consistency - best.consistency) <= 1e-9 && header > best.fields);
    if (better) best = { delimiter, consistency, fields: header };
  }
  return best?.delimiter ?? ',';
}

import { errors } from '../../../core/errors.js';
import { decodeText, SpreadsheetTextDecoder } from '../../../core/tabular/encoding.js';
import { tableProblem } from '../../../core/tabular/table.js';
import { MAX_VALUE_CHARS } from '../column-classifier.js';
import type { CellValues } from '../dataset-classifier.js';
import { MAX_SCAN_COLUMNS, type ReadContext, type SourceDataset, type SourceRow } from './dataset.js';
import { fileBytes } from './file-bytes.js';

/** Records read before the columns are fixed: field paths first seen later are not classified. */
export const JSON_DISCOVERY_RECORDS = 1000;
/** One record (a line of JSON Lines, an element of a top-level array) may not be longer. */
export const MAX_JSON_RECORD_CHARS = 16 * 1024 * 1024;
/** A JSON document that is not an array of records is parsed whole, up to this size. */
export const MAX_JSON_DOCUMENT_CHARS = 64 * 1024 * 1024;
const BATCH_ROWS = 1000;
/** Nesting deeper than this is not followed (and a value is not split into more paths). */
const MAX_DEPTH = 32;

type Flat = Map<string, string | string[]>;

function add(out: Flat, path: string, value: string): void {
  const text = value.length > MAX_VALUE_CHARS ? value.slice(0, MAX_VALUE_CHARS) : value;
  const existing = out.get(path);
  if (existing === undefined) out.set(path, text);
  else if (typeof existing === 'string') out.set(path, [existing, text]);
  else existing.push(text);
}

/**
 * Field paths as columns: `a.b.c` for nested objects, `a[]` for the items of an array and
 * `a[].b` for a field of objects in an array (an array gives several values to one column).
 */
export function flattenRecord(value: unknown, path = '', out: Flat = new Map(), depth = 0): Flat {
  if (value === null || value === undefined) return out;
  if (Array.isArray(value)) {
    if (depth < MAX_DEPTH) for (const item of value) flattenRecord(item, `${path}[]`, out, depth + 1);
    return out;
  }
  if (typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    if (depth >= MAX_DEPTH) return out;
    for (const [key, item] of Object.entries(value as Record<string, unknown>))
      flattenRecord(item, path ? `${path}.${key}` : key, out, depth + 1);
    return out;
  }
  add(out, path || '(value)', scalarText(value));
  return out;
}

/** A scalar as text: dates as ISO 8601, bytes as base64 (a biometric template stays recognisable). */
export function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, Math.min(value.byteLength, 768)).toString('base64');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Datasets whose records are objects of any shape: the columns are the field paths of the first
 * `JSON_DISCOVERY_RECORDS` records, in the order first seen; the rest stream through them.
 */
export async function recordDataset(
  source: string,
  format: 'json' | 'jsonl' | 'parquet',
  records: AsyncIterator<Flat[]>,
  finish: () => Promise<void>,
): Promise<SourceDataset> {
  const discovered: Flat[] = [];
  const columns = new Map<string, number>();
  try {
    while (discovered.length < JSON_DISCOVERY_RECORDS) {
      const next = await records.next();
      if (next.done) break;
      for (const record of next.value) {
        discovered.push(record);
        for (const path of record.keys())
          if (!columns.has(path) && columns.size < MAX_SCAN_COLUMNS) columns.set(path, columns.size);
      }
    }
  } catch (error) {
    await finish();
    throw error;
  }
  const width = columns.size;
  const align = (record: Flat): SourceRow => {
    const row = new Array<CellValues>(width);
    for (const [path, value] of record) {
      const index = columns.get(path);
      if (index !== undefined) row[index] = value;
    }
    return row;
  };
  async function* batches(): AsyncGenerator<SourceRow[]> {
    try {
      for (let i = 0; i < discovered.length; i += BATCH_ROWS)
        yield discovered.slice(i, i + BATCH_ROWS).map(align);
      discovered.length = 0;
      for (;;) {
        const next = await records.next();
        if (next.done) break;
        yield next.value.map(align);
      }
    } finally {
      await finish();
    }
  }
  return { source, format, headers: [...columns.keys()], batches: batches() };
}

function badJson(where: string, error: unknown) {
  const reason = error instanceof Error ? error.message : String(error);
  return errors.importInvalid([tableProblem(`${where}: not valid JSON (${reason})`)]);
}

function tooLongRecord(where: string, limit: number) {
  return errors.payloadTooLarge(`${where} is longer than ${limit / (1024 * 1024)} Mi characters`, {
    limit_chars: limit,
  });
}

async function* textOf(file: string, context: ReadContext): AsyncGenerator<string> {
  yield* decodeText(fileBytes(file, context), new SpreadsheetTextDecoder());
}

/** JSON Lines: one JSON value per line, read line by line; blank lines are skipped. */
async function* jsonLines(text: AsyncIterable<string>): AsyncGenerator<Flat[]> {
  let rest = '';
  let line = 0;
  const parse = (raw: string, out: Flat[]) => {
    line++;
    if (raw.trim() === '') return;
    try {
      out.push(flattenRecord(JSON.parse(raw)));
    } catch (error) {
      throw badJson(`Line ${line}`, error);
    }
  };
  for await (const chunk of text) {
    const data = rest + chunk;
    const out: Flat[] = [];
    let start = 0;
    for (let nl = data.indexOf('\n'); nl !== -1; nl = data.indexOf('\n', start)) {
      parse(data.slice(start, nl), out);
      start = nl + 1;
    }
    rest = data.slice(start);
    if (rest.length > MAX_JSON_RECORD_CHARS) throw tooLongRecord(`Line ${line + 1}`, MAX_JSON_RECORD_CHARS);
    for (let i = 0; i < out.length; i += BATCH_ROWS) yield out.slice(i, i + BATCH_ROWS);
  }
  const out: Flat[] = [];
  parse(rest, out);
  if (out.length > 0) yield out;
}

/**
 * A JSON document: a top-level array is streamed element by element (each element a record, its
 * text cut out by tracking strings and nesting); any other document is parsed whole, up to
 * `MAX_JSON_DOCUMENT_CHARS`, as one record.
 */
async function* jsonDocument(text: AsyncIterable<string>): AsyncGenerator<Flat[]> {
  let mode: 'start' | 'array' | 'document' | 'done' = 'start';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element: string[] = [];
  let elementChars = 0;
  let carrying = false;
  let count = 0;
  let document = '';
  for await (const chunk of text) {
    if (mode === 'document') {
      document += chunk;
      if (document.length > MAX_JSON_DOCUMENT_CHARS)
        throw errors.payloadTooLarge(
          `The JSON document is larger than ${MAX_JSON_DOCUMENT_CHARS / (1024 * 1024)} Mi characters and is not an array of records; save it as JSON Lines to scan it`,
          { limit_chars: MAX_JSON_DOCUMENT_CHARS },
        );
      continue;
    }
    const out: Flat[] = [];
    let elementStart: number = carrying ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (mode === 'start') {
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) continue;
        if (c === 91 /* [ */) {
          mode = 'array';
          continue;
        }
        mode = 'document';
        document = chunk.slice(i);
        break;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92 /* \ */) escaped = true;
        else if (c === 34 /* " */) inString = false;
        continue;
      }
      if (c === 32 || c === 9 || c === 10 || c === 13) continue;
      if (mode === 'done') throw badJson('After the array', new Error('unexpected text after the closing ]'));
      if (depth === 0) {
        if (c === 44 /* , */ || c === 93 /* ] */) {
          if (elementStart >= 0) {
            element.push(chunk.slice(elementStart, i));
            const raw = element.join('');
            element = [];
            elementChars = 0;
            elementStart = -1;
            count++;
            try {
              out.push(flattenRecord(JSON.parse(raw)));
            } catch (error) {
              throw badJson(`Element ${count} of the array`, error);
            }
          }
          if (c === 93) mode = 'done';
          continue;
        }
        if (elementStart < 0) elementStart = i;
      }
      if (c === 34) inString = true;
      else if (c === 123 /* { */ || c === 91) depth++;
      else if (c === 125 /* } */ || c === 93) depth--;
    }
    carrying = mode === 'array' && elementStart >= 0;
    if (carrying) {
      element.push(chunk.slice(elementStart));
      elementChars += chunk.length - elementStart;
      if (elementChars > MAX_JSON_RECORD_CHARS)
        throw tooLongRecord(`Element ${count + 1} of the array`, MAX_JSON_RECORD_CHARS);
    }
    if (out.length > 0) yield out;
  }
  if (mode === 'document') {
    let value: unknown;
    try {
      value = JSON.parse(document);
    } catch (error) {
      throw badJson('The file', error);
    }
    yield [flattenRecord(value)];
  } else if (mode === 'array') throw badJson('The file', new Error('the top-level array is never closed'));
}

/** A JSON or JSON Lines file as one dataset (UTF-8, UTF-16 with a BOM; field paths as columns). */
export async function readJsonDataset(
  file: string,
  source: string,
  format: 'json' | 'jsonl',
  context: ReadContext,
): Promise<SourceDataset> {
  const text = textOf(file, context);
  const records = format === 'jsonl' ? jsonLines(text) : jsonDocument(text);
  return recordDataset(source, format, records, async () => {
    await records.return(undefined);
  });
}

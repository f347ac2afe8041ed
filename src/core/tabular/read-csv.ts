import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { errors, isAppError } from '../errors.js';
import { byteChunks, limitBytes, peek, peekBytes, type ByteInput } from './byte-source.js';
import { sniffDelimiter, type CsvDelimiter } from './delimiter.js';
import { decodeText, guessUtf16WithoutBom, SpreadsheetTextDecoder, type TextEncoding } from './encoding.js';
import { unguardFormula } from './formula-guard.js';
import { resolveLimits, type TabularLimits } from './limits.js';
import { SNIFF_BYTES } from './sniff.js';
import {
  cellTooLong,
  columnLetter,
  isBlankRow,
  noHeaderRow,
  readHeaderRow,
  tableProblem,
  toTabularRow,
  tooManyRows,
  type TabularRow,
  type TabularTable,
} from './table.js';

export interface CsvReadOptions {
  limits?: Partial<TabularLimits>;
  /** Skip sniffing when the caller knows better (e.g. a TSV export of a known tool). */
  delimiter?: CsvDelimiter;
  /** Skip detection; BOMs are still removed. */
  encoding?: TextEncoding;
}

/** Characters of decoded text used to pick the delimiter. */
const DELIMITER_SAMPLE_CHARS = 64 * 1024;

interface CsvRecord {
  row: number;
  values: string[];
}

/**
 * Read a CSV or TSV file: encoding detected (BOM, UTF-16, UTF-8, else Windows-1252), delimiter
 * sniffed (comma, semicolon, tab, pipe), header from the first non-blank row. Rows stream;
 * row numbers count every record, blank ones included, so they match what Excel shows.
 */
export async function readCsv(input: ByteInput, options: CsvReadOptions = {}): Promise<TabularTable> {
  const limits = resolveLimits(options.limits);
  const { text, delimiter, decoder } = await openCsvText(
    limitBytes(byteChunks(input), limits.maxBytes),
    options,
  );
  const records = parseRecords(text, delimiter, limits);

  let header: CsvRecord | undefined;
  let headers: (string | null)[];
  try {
    header = await firstNonBlank(records);
    if (!header) throw noHeaderRow();
    headers = readHeaderRow(header.values, header.row, limits.maxColumns);
  } catch (error) {
    await records.return(undefined); // closes the input stream
    throw error;
  }

  async function* dataRows(): AsyncGenerator<TabularRow> {
    let count = 0;
    for await (const record of records) {
      if (isBlankRow(record.values)) continue;
      if (++count > limits.maxRows) throw tooManyRows(limits.maxRows);
      yield toTabularRow(record.row, headers, record.values);
    }
  }

  return {
    headers: headers.filter((h): h is string => h !== null),
    headerRow: header.row,
    rows: dataRows(),
    get source() {
      return { format: 'csv' as const, encoding: decoder.encoding, delimiter };
    },
  };
}

/** A CSV's bytes as decoded text, with its delimiter: what every CSV reader starts from. */
export interface CsvText {
  /** The whole text, streamed; closing it closes the input. */
  text: AsyncGenerator<string>;
  delimiter: CsvDelimiter;
  /** `decoder.encoding` is final once `text` has been read to the end. */
  decoder: SpreadsheetTextDecoder;
}

/**
 * Decode a CSV stream (encoding detected: BOM, UTF-16 without BOM, UTF-8, else Windows-1252) and
 * sniff its delimiter from the first 64 KiB of text; nothing beyond that sample is buffered.
 */
export async function openCsvText(
  bytes: AsyncIterable<Buffer>,
  options: Pick<CsvReadOptions, 'delimiter' | 'encoding'> = {},
): Promise<CsvText> {
  const { head, all } = await peekBytes(bytes, SNIFF_BYTES);
  const decoder = new SpreadsheetTextDecoder(options.encoding ?? guessUtf16WithoutBom(head) ?? undefined);
  const { buffered, rest: text } = await peek(
    decodeText(all, decoder),
    (chunks) => chunks.reduce((n, chunk) => n + chunk.length, 0) >= DELIMITER_SAMPLE_CHARS,
  );
  const delimiter = options.delimiter ?? sniffDelimiter(buffered.join(''));
  return { text, delimiter, decoder };
}

async function firstNonBlank(records: AsyncGenerator<CsvRecord>): Promise<CsvRecord | undefined> {
  for (;;) {
    const next = await records.next();
    if (next.done) return undefined;
    if (!isBlankRow(next.value.values)) return next.value;
  }
}

async function* parseRecords(
  text: AsyncIterable<string>,
  delimiter: CsvDelimiter,
  limits: TabularLimits,
): AsyncGenerator<CsvRecord> {
  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    // Bounds the buffer of one record, e.g. after an unclosed quote swallows the rest of the file.
    max_record_size: Math.max(limits.maxCellChars * 4, 1_000_000),
  });
  const source = Readable.from(text);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, values: record.map((value, index) => checkCell(value, row, index, limits)) };
    }
  } catch (error) {
    throw translateParseError(error, row + 1);
  } finally {
    source.destroy();
  }
}

function checkCell(value: string, row: number, index: number, limits: TabularLimits): string {
  if (value.length > limits.maxCellChars)
    throw cellTooLong(row, columnLetter(index + 1), limits.maxCellChars);
  return unguardFormula(value);
}

const PARSE_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted value is never closed: check for a stray double quote (")',
  CSV_INVALID_CLOSING_QUOTE: 'a closing double quote is followed by other characters',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a closing double quote is followed by other characters',
  CSV_MAX_RECORD_SIZE: 'the row is too long (often a stray double quote that is never closed)',
};

function translateParseError(error: unknown, row: number): unknown {
  if (isAppError(error)) return error;
  if (error instanceof CsvError) {
    // The parser's count of records already ended; more exact than ours once it has failed.
    const records = (error as CsvError & { records?: unknown }).records;
    if (typeof records === 'number') row = records + 1;
    const message = PARSE_MESSAGES[error.code] ?? 'the CSV text cannot be read';
    return errors.importInvalid([tableProblem(`Row ${row}: ${message}`, row)]);
  }
  return error;
}

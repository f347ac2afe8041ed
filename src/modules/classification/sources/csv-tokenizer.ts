import { errors } from '../../../core/errors.js';
import { tableProblem } from '../../../core/tabular/table.js';
import { MAX_VALUE_CHARS } from '../column-classifier.js';
import { MAX_SCAN_COLUMNS } from './dataset.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;

export interface CsvTokenizerLimits {
  /** Characters of one record (a line, or several when a quoted value spans lines). */
  maxRecordChars: number;
  /** Characters kept of one value; the classifier looks at no more. */
  maxValueChars: number;
  maxColumns: number;
}

/** Long enough for any real row (10,000 columns of notes), short enough that one line never fills memory. */
export const DEFAULT_CSV_TOKENIZER_LIMITS: CsvTokenizerLimits = {
  maxRecordChars: 16 * 1024 * 1024,
  maxValueChars: MAX_VALUE_CHARS,
  maxColumns: MAX_SCAN_COLUMNS,
};

/**
 * A streaming CSV tokenizer for scanning: text chunks in, records out, with the delimiter already
 * known. RFC 4180 quoting, read leniently as spreadsheets write it (a stray quote inside a value
 * is kept; text after a closing quote is appended). Values are cut at `maxValueChars` as they are
 * read, and a record longer than `maxRecordChars` is refused, so memory stays bounded whatever the
 * input (a 50 MB line, an unclosed quote swallowing the file). Only the unfinished end of a chunk
 * is carried to the next one; records come out in arrays, one per chunk, without a promise each.
 */
export class CsvTokenizer {
  private rest = '';
  private records = 0;
  private readonly delimiter: number;

  constructor(
    delimiter: string,
    private readonly limits: CsvTokenizerLimits = DEFAULT_CSV_TOKENIZER_LIMITS,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Records read so far (the row number of the last one). */
  get recordCount(): number {
    return this.records;
  }

  /** Append the records that `chunk` completes to `out`. */
  push(chunk: string, out: string[][]): void {
    // A record ends only at a line break: without one, the unfinished record just grows.
    if (this.rest.length > 0 && chunk.indexOf('\n') === -1 && chunk.indexOf('\r') === -1) {
      this.rest += chunk;
      if (this.rest.length > this.limits.maxRecordChars) throw this.tooLong();
      return;
    }
    const text = this.rest.length > 0 ? this.rest + chunk : chunk;
    const end = this.parse(text, out);
    this.rest = end < text.length ? text.slice(end) : '';
    if (this.rest.length > this.limits.maxRecordChars) throw this.tooLong();
  }

  /** The last record, which may lack a final line break. */
  end(out: string[][]): void {
    if (this.rest.length === 0) return;
    const text = this.rest + '\n';
    const end = this.parse(text, out);
    this.rest = '';
    if (end < text.length)
      throw errors.importInvalid([
        tableProblem(
          `Row ${this.records + 1}: a quoted value is never closed: check for a stray double quote (")`,
          this.records + 1,
        ),
      ]);
  }

  /** Parse complete records from `text`; returns where the first incomplete record starts. */
  private parse(text: string, out: string[][]): number {
    const n = text.length;
    const delimiter = this.delimiter;
    const maxValue = this.limits.maxValueChars;
    let start = 0;
    records: while (start < n) {
      const fields: string[] = [];
      let i = start;
      for (;;) {
        if (i >= n) break records;
        let value: string;
        if (text.charCodeAt(i) === QUOTE) {
          value = '';
          let j = i + 1;
          for (;;) {
            const q = text.indexOf('"', j);
            // Until the character after a quote is seen, it may be an escaped quote.
            if (q === -1 || q + 1 >= n) break records;
            if (value.length < maxValue) value += text.slice(j, Math.min(q, j + maxValue));
            if (text.charCodeAt(q + 1) === QUOTE) {
              if (value.length < maxValue) value += '"';
              j = q + 2;
              continue;
            }
            i = q + 1;
            break;
          }
          let k = i;
          for (; k < n; k++) {
            const c = text.charCodeAt(k);
            if (c === delimiter || c === LF || c === CR) break;
          }
          if (k >= n) break records;
          if (k > i && value.length < maxValue) value += text.slice(i, Math.min(k, i + maxValue));
          if (value.length > maxValue) value = value.slice(0, maxValue);
          i = k;
        } else {
          let k = i;
          for (; k < n; k++) {
            const c = text.charCodeAt(k);
            if (c === delimiter || c === LF || c === CR) break;
          }
          if (k >= n) break records;
          value = k - i > maxValue ? text.slice(i, i + maxValue) : text.slice(i, k);
          i = k;
        }
        fields.push(value);
        const c = text.charCodeAt(i);
        if (c === delimiter) {
          i++;
          continue;
        }
        if (c === CR) {
          if (i + 1 >= n) break records;
          i += text.charCodeAt(i + 1) === LF ? 2 : 1;
        } else i++;
        if (i - start > this.limits.maxRecordChars) throw this.tooLong();
        if (fields.length > this.limits.maxColumns) throw this.tooWide(fields.length);
        this.records++;
        out.push(fields);
        start = i;
        break;
      }
    }
    return start;
  }

  private tooLong() {
    const row = this.records + 1;
    return errors.payloadTooLarge(
      `Row ${row} is longer than ${this.limits.maxRecordChars / (1024 * 1024)} Mi characters: this is not a table ` +
        'a scan can read (often a file with no line breaks, or a double quote (") that is never closed)',
      { row, limit_chars: this.limits.maxRecordChars },
    );
  }

  private tooWide(columns: number) {
    const row = this.records + 1;
    return errors.payloadTooLarge(
      `Row ${row} has ${columns} columns; a scan reads at most ${this.limits.maxColumns}`,
      { row, limit_columns: this.limits.maxColumns },
    );
  }
}

import { errors } from '../../../core/errors.js';
import {
  EVENT,
  MALFORMED,
  SKIP,
  type ByteField,
  type LineOutcome,
  type LineParser,
  type RawEvent,
} from '../log-event.js';
import { parseLogTime, SECONDS_PER_DAY, validSeconds } from '../log-time.js';
import { hostOfUrl, isBlockedAction, parseCount } from './bytes.js';
import {
  type ColumnMap,
  MAPPED_FIELDS,
  requireTimeAndHost,
  resolveColumns,
  type MappedField,
} from './column-map.js';
import { FieldRanges } from './fields.js';

/*
 * Delimited logs, one record per line: generic CSV/TSV exports with a header row (columns found
 * by name or by --map) and Zscaler NSS web feeds in CSV or tab-separated output, with or without
 * a header. Quoting follows RFC 4180 within a line; a record spanning lines is malformed.
 */

export type Columns = Record<MappedField, number>;

export interface DelimitedLayout {
  format: 'csv' | 'zscaler';
  delimiter: number;
  columns: Columns;
  /** The header line; skipped wherever it appears again (concatenated exports repeat it). */
  header: Buffer | null;
}

/** Values that mean "nothing here": Zscaler writes None/NA/N/A for empty fields. */
const EMPTY_WORDS = new Set(['-', 'none', 'na', 'n/a', 'null']);

export class DelimitedParser implements LineParser {
  readonly format: 'csv' | 'zscaler';
  reason = '';
  private readonly fields = new FieldRanges();
  private readonly minimumFields: number;

  constructor(
    private readonly layout: DelimitedLayout,
    private readonly reference?: Date,
  ) {
    this.format = layout.format;
    this.minimumFields = Math.max(...MAPPED_FIELDS.map((field) => layout.columns[field])) + 1;
  }

  parse(buf: Buffer, start: number, end: number, event: RawEvent): LineOutcome {
    const header = this.layout.header;
    if (header && end - start === header.length && header.equals(buf.subarray(start, end))) return SKIP;
    event.reset();
    const fields = this.fields;
    const columns = this.layout.columns;
    fields.splitDelimited(buf, start, end, this.layout.delimiter);
    if (fields.unterminated) return this.malformed('a quoted value is not closed on this line');
    if (fields.count < this.minimumFields) return this.malformed('fewer columns than expected');

    const seconds = parseLogTime(fields.text(buf, columns.time), this.reference);
    if (!validSeconds(seconds)) return this.malformed('the time is not a timestamp Custos reads');
    event.day = Math.floor(seconds / SECONDS_PER_DAY);

    if (!this.setValue(buf, columns.host, event.host, event) && columns.url >= 0) {
      if (this.setValue(buf, columns.url, event.host, event)) {
        const host = event.host;
        hostOfUrl(host.buf, host.start, host.end, host);
      }
    }
    if (!this.setValue(buf, columns.user, event.user, event))
      this.setValue(buf, columns.client, event.user, event);
    this.setValue(buf, columns.department, event.department, event);
    this.setValue(buf, columns.office, event.office, event);
    if (columns.bytes_up >= 0) {
      event.bytesUp = parseCount(buf, fields.starts[columns.bytes_up]!, fields.ends[columns.bytes_up]!);
      if (event.bytesUp < 0) return this.malformed('the upload size is not a number');
    }
    if (columns.bytes_down >= 0) {
      event.bytesDown = parseCount(buf, fields.starts[columns.bytes_down]!, fields.ends[columns.bytes_down]!);
      if (event.bytesDown < 0) return this.malformed('the download size is not a number');
    }
    if (columns.action >= 0)
      event.blocked = isBlockedAction(buf, fields.starts[columns.action]!, fields.ends[columns.action]!);
    return EVENT;
  }

  private setValue(buf: Buffer, index: number, field: ByteField, event: RawEvent): boolean {
    if (index < 0) return false;
    const start = this.fields.starts[index]!;
    const end = this.fields.ends[index]!;
    if (end <= start) return false;
    if (end - start <= 4 && EMPTY_WORDS.has(buf.toString('latin1', start, end).toLowerCase())) return false;
    if (this.fields.escaped[index]) event.setText(field, this.fields.text(buf, index));
    else field.set(buf, start, end);
    return true;
  }

  private malformed(reason: string): LineOutcome {
    this.reason = reason;
    return MALFORMED;
  }
}

const DELIMITERS = [0x2c, 0x09, 0x3b, 0x7c];

/** The delimiter that splits `line` into the most fields (comma, tab, semicolon or pipe). */
export function sniffDelimiter(line: Buffer): number {
  const ranges = new FieldRanges();
  let best = DELIMITERS[0]!;
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    ranges.splitDelimited(line, 0, line.length, delimiter);
    if (ranges.count > bestCount) {
      best = delimiter;
      bestCount = ranges.count;
    }
  }
  return best;
}

export function splitLine(line: Buffer, delimiter: number): string[] {
  const ranges = new FieldRanges();
  ranges.splitDelimited(line, 0, line.length, delimiter);
  return Array.from({ length: ranges.count }, (_, i) => ranges.text(line, i));
}

/** Generic CSV: the first line is the header; columns by --map or by common names. */
export function csvLayout(firstLine: Buffer, map: ColumnMap): DelimitedLayout {
  const delimiter = sniffDelimiter(firstLine);
  const names = splitLine(firstLine, delimiter).map((name) => name.trim());
  const columns = resolveColumns(names, map);
  requireTimeAndHost(columns, names, 'CSV header');
  return { format: 'csv', delimiter, columns, header: Buffer.from(firstLine) };
}

const IPV4 = /^[0-9]{1,3}(?:\.[0-9]{1,3}){3}$/;

/**
 * Zscaler NSS web feed in CSV or TSV. With a header row, columns are found by name (NSS variable
 * names such as `login`, `ehost`, `reqsize`, `dept` or the JSON template's keys). Without one,
 * the layout follows Zscaler's published CSV templates, which all begin `time, login, proto,
 * eurl, action`: the first two all-digit fields after them are the request and response sizes,
 * and the first IPv4 address (`cip`) follows `location, dept`. `--map field=N` (1-based column
 * numbers) overrides any of these.
 */
export function zscalerLayout(firstLine: Buffer, map: ColumnMap, reference?: Date): DelimitedLayout {
  const delimiter = sniffDelimiter(firstLine);
  const values = splitLine(firstLine, delimiter).map((value) => value.trim());
  if (!validSeconds(parseLogTime(values[0] ?? '', reference))) {
    const columns = resolveColumns(values, map);
    requireTimeAndHost(columns, values, 'Zscaler header');
    return { format: 'zscaler', delimiter, columns, header: Buffer.from(firstLine) };
  }
  const columns: Columns = {
    time: 0,
    user: 1,
    client: -1,
    host: -1,
    url: 3,
    bytes_up: -1,
    bytes_down: -1,
    action: 4,
    department: -1,
    office: -1,
  };
  const sizes = values.map((value, i) => (i > 4 && /^[0-9]+$/.test(value) ? i : -1)).filter((i) => i >= 0);
  if (sizes.length >= 2) {
    columns.bytes_up = sizes[0]!;
    columns.bytes_down = sizes[1]!;
  }
  const client = values.findIndex((value, i) => i > 6 && IPV4.test(value));
  if (client >= 0) {
    columns.client = client;
    if (client - 2 > 4) {
      columns.department = client - 1;
      columns.office = client - 2;
    }
  }
  for (const field of MAPPED_FIELDS) {
    const wanted = map[field];
    if (wanted === undefined) continue;
    const position = Number(wanted);
    if (!Number.isInteger(position) || position < 1 || position > values.length)
      throw errors.validation(
        `--map ${field}=${wanted}: a Zscaler feed without a header takes column numbers 1–${values.length}`,
        [{ path: '--map', message: `${field}: expected a column number` }],
      );
    columns[field] = position - 1;
  }
  return { format: 'zscaler', delimiter, columns, header: null };
}

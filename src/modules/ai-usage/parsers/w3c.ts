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
import { hostOfUrl, isBlockedAction, isDash, parseCount, parseIsoDateDay } from './bytes.js';
import { type ColumnMap, fieldKey, MAPPED_FIELDS, resolveColumns, type MappedField } from './column-map.js';
import { FieldRanges } from './fields.js';

/*
 * W3C extended log format, as Blue Coat / Symantec ProxySG, Microsoft IIS (with ARR as a
 * forward proxy) and others write it: `#Fields:` names the space-separated columns, `-` is an
 * empty value, Blue Coat quotes values that contain spaces. `date` is UTC by the standard. A new
 * `#Fields:` line (IIS writes one after each restart) applies from there on.
 */

const FIELD_NAMES: Record<MappedField, readonly string[]> = {
  time: ['date'],
  user: ['cs-username', 'cs-user', 'c-username', 'x-username', 'cs-userdn'],
  client: ['c-ip', 'x-client-ip'],
  host: ['cs-host', 'cs(host)', 'r-host', 'x-cs-host'],
  url: ['cs-uri', 'cs-url', 'c-uri'],
  bytes_up: ['cs-bytes'],
  bytes_down: ['sc-bytes'],
  action: ['sc-filter-result', 's-action', 'x-action'],
  department: ['x-department', 'cs-department'],
  office: ['x-office', 'cs-office'],
};
const ALIASES = Object.fromEntries(
  MAPPED_FIELDS.map((field) => [field, FIELD_NAMES[field].map(fieldKey)]),
) as unknown as Record<MappedField, readonly string[]>;
const FIELDS_DIRECTIVE = Buffer.from('#Fields:');

export class W3cParser implements LineParser {
  readonly format = 'w3c' as const;
  reason = '';
  private columns: Record<MappedField, number> | null = null;
  private timeIsDate = true;
  /** Blue Coat's s-action next to sc-filter-result: either may say the request was denied. */
  private secondAction = -1;
  private readonly fields = new FieldRanges();
  private columnsProblem = 'a data line before the #Fields: directive';

  constructor(
    private readonly map: ColumnMap = {},
    private readonly reference?: Date,
  ) {}

  parse(buf: Buffer, start: number, end: number, event: RawEvent): LineOutcome {
    if (buf[start] === 0x23) {
      if (startsWith(buf, start, end, FIELDS_DIRECTIVE))
        this.readFieldsDirective(buf.toString('utf8', start + FIELDS_DIRECTIVE.length, end));
      return SKIP;
    }
    const columns = this.columns;
    if (columns === null) return this.malformed(this.columnsProblem);
    event.reset();
    const fields = this.fields;
    fields.splitWhitespace(buf, start, end);
    if (fields.unterminated) return this.malformed('a quoted value is not closed');
    if (fields.count < this.minimumFields(columns))
      return this.malformed('fewer values than the #Fields: directive names');

    const time = columns.time;
    if (this.timeIsDate) {
      const day = parseIsoDateDay(buf, fields.starts[time]!, fields.ends[time]!);
      if (day < 0) return this.malformed('the date is not YYYY-MM-DD');
      event.day = day;
    } else {
      const seconds = parseLogTime(fields.text(buf, time), this.reference);
      if (!validSeconds(seconds)) return this.malformed('the time is not a timestamp');
      event.day = Math.floor(seconds / SECONDS_PER_DAY);
    }

    if (!this.setValue(buf, columns.host, event.host, event) && columns.url >= 0) {
      hostOfUrl(buf, fields.starts[columns.url]!, fields.ends[columns.url]!, event.host);
    }
    if (!this.setValue(buf, columns.user, event.user, event))
      this.setValue(buf, columns.client, event.user, event);
    this.setValue(buf, columns.department, event.department, event);
    this.setValue(buf, columns.office, event.office, event);
    if (columns.bytes_up >= 0) {
      event.bytesUp = parseCount(buf, fields.starts[columns.bytes_up]!, fields.ends[columns.bytes_up]!);
      if (event.bytesUp < 0) return this.malformed('cs-bytes is not a number');
    }
    if (columns.bytes_down >= 0) {
      event.bytesDown = parseCount(buf, fields.starts[columns.bytes_down]!, fields.ends[columns.bytes_down]!);
      if (event.bytesDown < 0) return this.malformed('sc-bytes is not a number');
    }
    event.blocked =
      (columns.action >= 0 &&
        isBlockedAction(buf, fields.starts[columns.action]!, fields.ends[columns.action]!)) ||
      (this.secondAction >= 0 &&
        isBlockedAction(buf, fields.starts[this.secondAction]!, fields.ends[this.secondAction]!));
    return EVENT;
  }

  private readFieldsDirective(text: string): void {
    const names = text.trim().split(/[ \t]+/);
    const columns = resolveColumns(names, this.map, ALIASES);
    // Without `date`, a mapped or conventional time column holding full timestamps will do.
    this.timeIsDate = this.map.time === undefined && columns.time >= 0;
    if (columns.time === -1) {
      const candidates = ['x-timestamp-unix', 'timestamp', 'localtime'].map((n) =>
        names.findIndex((m) => m.toLowerCase() === n),
      );
      columns.time = candidates.find((i) => i >= 0) ?? -1;
    }
    this.secondAction =
      columns.action >= 0 && names[columns.action]?.toLowerCase() === 'sc-filter-result'
        ? names.findIndex((n) => n.toLowerCase() === 's-action')
        : -1;
    this.columns = columns.time === -1 || (columns.host === -1 && columns.url === -1) ? null : columns;
    this.columnsProblem =
      columns.time === -1
        ? 'the #Fields: directive names no date column'
        : 'the #Fields: directive names no cs-host or cs-uri column';
  }

  private minimumFields(columns: Record<MappedField, number>): number {
    let max = this.secondAction;
    for (const field of MAPPED_FIELDS) if (columns[field] > max) max = columns[field];
    return max + 1;
  }

  /** Point `field` at column `index` unless it is absent or `-`; true when it got a value. */
  private setValue(buf: Buffer, index: number, field: ByteField, event: RawEvent): boolean {
    if (index < 0) return false;
    const start = this.fields.starts[index]!;
    const end = this.fields.ends[index]!;
    if (end <= start || isDash(buf, start, end)) return false;
    if (this.fields.escaped[index]) event.setText(field, this.fields.text(buf, index));
    else field.set(buf, start, end);
    return true;
  }

  private malformed(reason: string): LineOutcome {
    this.reason = reason;
    return MALFORMED;
  }
}

function startsWith(buf: Buffer, start: number, end: number, prefix: Uint8Array): boolean {
  if (end - start < prefix.length) return false;
  for (let i = 0; i < prefix.length; i += 1) if (buf[start + i] !== prefix[i]) return false;
  return true;
}

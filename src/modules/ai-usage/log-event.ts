/*
 * What a parser extracts from one log line, as byte ranges into the line (or into the event's
 * scratch space when a value had to be decoded first). One RawEvent is reused for every line, so
 * parsing allocates nothing per line; URL paths and query strings are never copied anywhere.
 */

export const LOG_FORMATS = ['squid', 'w3c', 'zscaler', 'csv', 'jsonl', 'dns'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** The outcome of parsing one line. */
export const EVENT = 0;
/** A comment, header, directive or a DNS log line that is not a query: counted, not an error. */
export const SKIP = 1;
/** The line does not have the shape of the format; the parser's `reason` says why. */
export const MALFORMED = 2;
export type LineOutcome = typeof EVENT | typeof SKIP | typeof MALFORMED;

const EMPTY = new Uint8Array(0);

/** A value inside some buffer: `buf[start, end)`. */
export class ByteField {
  buf: Uint8Array = EMPTY;
  start = 0;
  end = 0;
  /**
   * FNV-1a hash of the bytes when the parser computed it while scanning them (the Squid parser
   * does, for the host), else 0: the interner then hashes the bytes itself.
   */
  hash = 0;

  set(buf: Uint8Array, start: number, end: number): void {
    this.buf = buf;
    this.start = start;
    this.end = end;
    this.hash = 0;
  }

  setHashed(buf: Uint8Array, start: number, end: number, hash: number): void {
    this.buf = buf;
    this.start = start;
    this.end = end;
    this.hash = hash;
  }

  clear(): void {
    this.buf = EMPTY;
    this.start = 0;
    this.end = 0;
    this.hash = 0;
  }

  get isEmpty(): boolean {
    return this.end <= this.start;
  }

  text(): string {
    return Buffer.from(this.buf.buffer, this.buf.byteOffset + this.start, this.end - this.start).toString(
      'utf8',
    );
  }
}

export class RawEvent {
  /** UTC day: days since 1970-01-01. */
  day = 0;
  readonly host = new ByteField();
  /** The user name, or the client address when the log has no user (parsers decide). */
  readonly user = new ByteField();
  readonly department = new ByteField();
  readonly office = new ByteField();
  bytesUp = 0;
  bytesDown = 0;
  blocked = false;
  private scratch = Buffer.allocUnsafe(4096);
  private scratchUsed = 0;

  reset(): void {
    this.day = 0;
    this.host.clear();
    this.user.clear();
    this.department.clear();
    this.office.clear();
    this.bytesUp = 0;
    this.bytesDown = 0;
    this.blocked = false;
    this.scratchUsed = 0;
  }

  /** Point `field` at a copy of `text` (for values that were decoded: JSON strings, CSV quotes). */
  setText(field: ByteField, text: string): void {
    const needed = Buffer.byteLength(text, 'utf8');
    if (this.scratchUsed + needed > this.scratch.length) {
      // Values already set keep pointing at the old scratch buffer, which stays valid.
      this.scratch = Buffer.allocUnsafe(Math.max(this.scratch.length * 2, needed));
      this.scratchUsed = 0;
    }
    const start = this.scratchUsed;
    this.scratchUsed += this.scratch.write(text, start, 'utf8');
    field.set(this.scratch, start, this.scratchUsed);
  }
}

/**
 * Reads one line format. `reason` explains the last MALFORMED outcome (a constant string).
 * `buf[start, end)` is the line without its line end; `buf[end]`, when it exists, is a byte no
 * greater than 0x20 (the LF or CR that ended the line, or the splitter's sentinel), which lets
 * the hot parser stop its token loops without a bounds check.
 */
export interface LineParser {
  readonly format: LogFormat;
  reason: string;
  parse(buf: Buffer, start: number, end: number, event: RawEvent): LineOutcome;
}

import { QUOTE, SPACE, TAB } from './bytes.js';

/*
 * Splitting one line into field ranges, reused for every line (no arrays per line).
 * `quoted[i]` says the field held a doubled quote ("") and must be unescaped before use.
 */
export class FieldRanges {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly escaped: Uint8Array;
  count = 0;
  /** Set by a split that met an opening quote without its closing quote. */
  unterminated = false;

  constructor(readonly max = 512) {
    this.starts = new Int32Array(max);
    this.ends = new Int32Array(max);
    this.escaped = new Uint8Array(max);
  }

  /** Delimited text (CSV, TSV): RFC 4180 quoting within the line; empty fields count. */
  splitDelimited(buf: Uint8Array, start: number, end: number, delimiter: number): void {
    this.count = 0;
    this.unterminated = false;
    let p = start;
    for (;;) {
      if (this.count === this.max) return;
      const i = this.count;
      this.escaped[i] = 0;
      if (p < end && buf[p] === QUOTE) {
        const from = p + 1;
        let q = from;
        for (;;) {
          while (q < end && buf[q] !== QUOTE) q += 1;
          if (q >= end) {
            this.unterminated = true;
            return;
          }
          if (buf[q + 1] === QUOTE) {
            this.escaped[i] = 1;
            q += 2;
            continue;
          }
          break;
        }
        this.starts[i] = from;
        this.ends[i] = q;
        p = q + 1;
        while (p < end && buf[p] !== delimiter) p += 1;
      } else {
        this.starts[i] = p;
        while (p < end && buf[p] !== delimiter) p += 1;
        this.ends[i] = p;
      }
      this.count += 1;
      if (p >= end) return;
      p += 1;
    }
  }

  /** Whitespace-separated values as W3C extended logs write them; "..." may hold spaces. */
  splitWhitespace(buf: Uint8Array, start: number, end: number): void {
    this.count = 0;
    this.unterminated = false;
    let p = start;
    for (;;) {
      while (p < end && (buf[p] === SPACE || buf[p] === TAB)) p += 1;
      if (p >= end || this.count === this.max) return;
      const i = this.count;
      this.escaped[i] = 0;
      if (buf[p] === QUOTE) {
        const from = p + 1;
        let q = from;
        for (;;) {
          while (q < end && buf[q] !== QUOTE) q += 1;
          if (q >= end) {
            this.unterminated = true;
            return;
          }
          if (buf[q + 1] === QUOTE) {
            this.escaped[i] = 1;
            q += 2;
            continue;
          }
          break;
        }
        this.starts[i] = from;
        this.ends[i] = q;
        p = q + 1;
      } else {
        this.starts[i] = p;
        while (p < end && buf[p] !== SPACE && buf[p] !== TAB) p += 1;
        this.ends[i] = p;
      }
      this.count += 1;
    }
  }

  /** Field `i` as text, doubled quotes undone. */
  text(buf: Uint8Array, i: number): string {
    const text = Buffer.from(
      buf.buffer,
      buf.byteOffset + this.starts[i]!,
      this.ends[i]! - this.starts[i]!,
    ).toString('utf8');
    return this.escaped[i] ? text.replaceAll('""', '"') : text;
  }
}

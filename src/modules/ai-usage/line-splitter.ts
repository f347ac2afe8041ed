/*
 * Chunks in, lines out, without copying: a line that lies inside one chunk is handed over as a
 * range of that chunk; only a line cut by a chunk boundary is copied (into a reused buffer).
 * Line ends are LF or CRLF; a UTF-8 byte-order mark before the first line is dropped. A line
 * longer than `maxLineBytes` is reported as too long and skipped, which bounds memory whatever
 * the input holds.
 */

export interface LineSink {
  line(buf: Buffer, start: number, end: number, lineNumber: number): void;
  tooLong(lineNumber: number): void;
}

const LF = 0x0a;
const CR = 0x0d;
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024;

export class LineSplitter {
  private lineNumber = 0;
  private carry: Buffer;
  private carryLength = 0;
  /** The current partial line is already longer than the limit: drop bytes until its end. */
  private overflowing = false;
  private atStart = true;

  constructor(
    private readonly sink: LineSink,
    private readonly maxLineBytes = DEFAULT_MAX_LINE_BYTES,
  ) {
    this.carry = Buffer.allocUnsafe(Math.min(maxLineBytes, 4096) + 1);
  }

  get lines(): number {
    return this.lineNumber;
  }

  push(chunk: Buffer): void {
    let pos = 0;
    if (this.atStart && chunk.length > 0) {
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) pos = 3;
      this.atStart = false;
    }
    if (this.carryLength > 0 || this.overflowing) {
      const newline = chunk.indexOf(LF, pos);
      if (newline === -1) {
        this.append(chunk, pos, chunk.length);
        return;
      }
      this.append(chunk, pos, newline);
      this.flushCarry();
      pos = newline + 1;
    }
    for (;;) {
      const newline = chunk.indexOf(LF, pos);
      if (newline === -1) break;
      this.emit(chunk, pos, newline);
      pos = newline + 1;
    }
    if (pos < chunk.length) this.append(chunk, pos, chunk.length);
  }

  /** The input ended: a last line without a newline still counts. */
  end(): void {
    if (this.carryLength > 0 || this.overflowing) this.flushCarry();
  }

  private emit(buf: Buffer, start: number, end: number): void {
    this.lineNumber += 1;
    if (end > start && buf[end - 1] === CR) end -= 1;
    if (end - start > this.maxLineBytes) this.sink.tooLong(this.lineNumber);
    else this.sink.line(buf, start, end, this.lineNumber);
  }

  private flushCarry(): void {
    if (this.overflowing) {
      this.lineNumber += 1;
      this.sink.tooLong(this.lineNumber);
    } else {
      // A LF after the copied line: parsers may rely on a line end after `end` (see LineParser).
      this.carry[this.carryLength] = LF;
      this.emit(this.carry, 0, this.carryLength);
    }
    this.carryLength = 0;
    this.overflowing = false;
  }

  private append(chunk: Buffer, start: number, end: number): void {
    if (this.overflowing) return;
    const length = end - start;
    // One byte of slack for a CR that the line end will drop.
    if (this.carryLength + length > this.maxLineBytes + 1) {
      this.overflowing = true;
      this.carryLength = 0;
      return;
    }
    if (this.carryLength + length + 1 > this.carry.length) {
      const bigger = Buffer.allocUnsafe(
        Math.min(this.maxLineBytes + 2, Math.max(this.carry.length * 2, this.carryLength + length + 1)),
      );
      this.carry.copy(bigger, 0, 0, this.carryLength);
      this.carry = bigger;
    }
    chunk.copy(this.carry, this.carryLength, start, end);
    this.carryLength += length;
  }
}

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import zlib from 'node:zlib';
import { errors } from '../../core/errors.js';
import type { ProgressCallback } from '../../core/progress.js';
import { DEFAULT_MAX_LINE_BYTES, LineSplitter, type LineSink } from './line-splitter.js';
import { EVENT, RawEvent, SKIP, type LineParser, type LogFormat } from './log-event.js';
import type { ColumnMap } from './parsers/column-map.js';
import { createParser, detectFormat, SAMPLE_LINES, unknownFormat } from './parsers/detect.js';
import type { UsageRollup } from './usage-rollup.js';

/*
 * Reading one log file into a roll-up: bytes → (gunzip) → lines → parser → roll-up, streaming,
 * with the SHA-256 of the content (decompressed) as the file's fingerprint, so the same log
 * gzipped or not is recognised as the same file when it is ingested again. Malformed lines are
 * counted, the first ten reported by line number and reason (never their content, which may hold
 * personal data), and never stop the file. An unknown format or a damaged gzip stream is an
 * error, and the caller discards the roll-up: a file counts whole or not at all.
 */

export type FormatChoice = LogFormat | 'auto';

export interface ReadLogOptions {
  format: FormatChoice;
  map: ColumnMap;
  /** "Now", for year-less syslog timestamps. */
  reference: Date;
  maxLineBytes?: number;
  /** Bytes of the file read so far (compressed bytes for a gzip file), and its size. */
  onProgress?: ProgressCallback;
}

export interface MalformedLine {
  line: number;
  reason: string;
}

export interface LogFileReport {
  file: string;
  /** SHA-256 of the (decompressed) content, hex. */
  sha256: string;
  /** Content bytes (decompressed). */
  bytes: number;
  compressed: boolean;
  format: LogFormat;
  lines: number;
  events: number;
  skipped: number;
  malformed: number;
  malformed_examples: MalformedLine[];
}

export const MAX_MALFORMED_EXAMPLES = 10;
const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;
const READ_CHUNK = 1 << 20;

export async function readLogFile(
  file: string,
  options: ReadLogOptions,
  rollup: UsageRollup,
): Promise<LogFileReport> {
  if (!fs.existsSync(file)) throw errors.notFound('Log file', file);
  const handle = await fs.promises.open(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    const gzip = bytesRead === 2 && magic[0] === GZIP_MAGIC_0 && magic[1] === GZIP_MAGIC_1;
    // A plain file is read into one reused buffer: the lines of a chunk are processed before the
    // next read, and nothing keeps a reference to them (samples and caches copy what they keep).
    const chunks = gzip ? fs.createReadStream(file, { highWaterMark: READ_CHUNK }) : readReusing(handle);
    const { size } = await handle.stat();
    return await readLog(file, reportProgress(chunks, size, options.onProgress), options, rollup);
  } finally {
    await handle.close();
  }
}

async function* reportProgress(
  chunks: AsyncIterable<Buffer>,
  size: number,
  onProgress: ProgressCallback | undefined,
): AsyncGenerator<Buffer> {
  let read = 0;
  for await (const chunk of chunks) {
    read += chunk.length;
    yield chunk;
    onProgress?.(read, size);
  }
}

async function* readReusing(handle: fs.promises.FileHandle): AsyncGenerator<Buffer> {
  const buffer = Buffer.allocUnsafe(READ_CHUNK);
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}

/** The same for any byte stream (uploads later; tests now). `name` labels errors and the report. */
export async function readLog(
  name: string,
  input: AsyncIterable<Buffer | Uint8Array>,
  options: ReadLogOptions,
  rollup: UsageRollup,
): Promise<LogFileReport> {
  const { compressed, chunks } = await decompressed(input);
  const hash = createHash('sha256');
  const processor = new LineProcessor(name, options, rollup);
  const splitter = new LineSplitter(processor, options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES);
  let bytes = 0;
  try {
    for await (const chunk of chunks) {
      hash.update(chunk);
      bytes += chunk.length;
      splitter.push(chunk);
    }
  } catch (error) {
    if (isZlibError(error))
      throw errors.validation(
        `${name}: the gzip data is truncated or damaged (${error.message}); nothing from this file was counted`,
        [{ path: name, message: error.message }],
      );
    throw error;
  }
  splitter.end();
  const format = processor.finish();
  return {
    file: name,
    sha256: hash.digest('hex'),
    bytes,
    compressed,
    format,
    lines: splitter.lines,
    events: processor.events,
    skipped: processor.skipped,
    malformed: processor.malformed,
    malformed_examples: processor.examples.sort((a, b) => a.line - b.line),
  };
}

/** Look at the first bytes: gzip (1f 8b) is decompressed on the fly, anything else passes. */
async function decompressed(
  input: AsyncIterable<Buffer | Uint8Array>,
): Promise<{ compressed: boolean; chunks: AsyncIterable<Buffer> }> {
  const iterator = input[Symbol.asyncIterator]();
  let first = await iterator.next();
  // Skip empty chunks so that the magic bytes are seen.
  while (!first.done && first.value.length === 0) first = await iterator.next();
  const head = first.done
    ? Buffer.alloc(0)
    : Buffer.from(first.value.buffer, first.value.byteOffset, first.value.byteLength);
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (first.done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      yield Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
  }
  const compressed = head.length >= 2 && head[0] === GZIP_MAGIC_0 && head[1] === GZIP_MAGIC_1;
  if (!compressed) return { compressed, chunks: all() };
  const gunzip = zlib.createGunzip({ chunkSize: READ_CHUNK });
  pipeline(Readable.from(all()), gunzip, () => {
    // Errors surface through the iteration of `gunzip` below.
  });
  return { compressed, chunks: gunzip };
}

function isZlibError(error: unknown): error is Error & { code: string } {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('Z_');
}

/** Collects the first lines to choose a parser, then parses every line into the roll-up. */
class LineProcessor implements LineSink {
  events = 0;
  skipped = 0;
  malformed = 0;
  readonly examples: MalformedLine[] = [];
  private parser: LineParser | null = null;
  private samples: { buf: Buffer; line: number }[] = [];
  private sampleBytes = 0;
  private readonly event = new RawEvent();

  constructor(
    private readonly name: string,
    private readonly options: ReadLogOptions,
    private readonly rollup: UsageRollup,
  ) {}

  line(buf: Buffer, start: number, end: number, lineNumber: number): void {
    const parser = this.parser;
    if (parser !== null) {
      this.parseLine(parser, buf, start, end, lineNumber);
      return;
    }
    if (start === end || isBlank(buf, start, end)) {
      this.skipped += 1;
      return;
    }
    // Copied, with the LF that parsers may expect after a line.
    const copy = Buffer.allocUnsafe(end - start + 1);
    buf.copy(copy, 0, start, end);
    copy[end - start] = 0x0a;
    this.samples.push({ buf: copy, line: lineNumber });
    this.sampleBytes += end - start;
    if (this.samples.length >= SAMPLE_LINES || this.sampleBytes >= 256 * 1024) this.choose();
  }

  tooLong(lineNumber: number): void {
    this.addMalformed(
      lineNumber,
      `the line is longer than ${this.options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES} bytes`,
    );
  }

  /** The input ended: choose now if the file was shorter than the sample. Returns the format. */
  finish(): LogFormat {
    if (this.parser === null) this.choose();
    return this.parser!.format;
  }

  private choose(): void {
    const buffers = this.samples.map((sample) => sample.buf.subarray(0, sample.buf.length - 1));
    const format =
      this.options.format === 'auto' ? detectFormat(buffers, this.options.map) : this.options.format;
    if (format === null) throw unknownFormat(this.name);
    const parser = createParser(format, buffers, {
      map: this.options.map,
      reference: this.options.reference,
    });
    this.parser = parser;
    for (const sample of this.samples)
      this.parseLine(parser, sample.buf, 0, sample.buf.length - 1, sample.line);
    this.samples = [];
  }

  private parseLine(parser: LineParser, buf: Buffer, start: number, end: number, lineNumber: number): void {
    if (start === end) {
      this.skipped += 1;
      return;
    }
    const outcome = parser.parse(buf, start, end, this.event);
    if (outcome === EVENT) {
      this.events += 1;
      this.rollup.record(this.event);
    } else if (outcome === SKIP) {
      this.skipped += 1;
    } else {
      this.addMalformed(lineNumber, parser.reason);
    }
  }

  private addMalformed(line: number, reason: string): void {
    this.malformed += 1;
    if (this.examples.length < MAX_MALFORMED_EXAMPLES) this.examples.push({ line, reason });
  }
}

function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) if (buf[i] !== 0x20 && buf[i] !== 0x09) return false;
  return true;
}

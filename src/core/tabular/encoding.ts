import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { errors } from '../errors.js';

/**
 * Text encodings met in spreadsheet exports: UTF-8 (with or without BOM, "CSV UTF-8" in Excel),
 * UTF-16 (Excel's "Unicode text"), and Windows-1252 (Excel's plain "CSV" on Western Windows).
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const BOMS: ReadonlyArray<{ bytes: readonly number[]; encoding: TextEncoding }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

export function detectBom(head: Buffer): { encoding: TextEncoding; length: number } | null {
  for (const bom of BOMS) {
    if (head.length >= bom.bytes.length && bom.bytes.every((byte, i) => head[i] === byte)) {
      return { encoding: bom.encoding, length: bom.bytes.length };
    }
  }
  return null;
}

/** UTF-16 without BOM: mostly-Latin text shows a zero byte in every other position. */
export function guessUtf16WithoutBom(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(head.length, 1024) / 2);
  if (pairs < 2) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) zeroEven++;
    if (head[2 * i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd >= pairs * 0.6 && zeroEven === 0) return 'utf-16le';
  if (zeroEven >= pairs * 0.6 && zeroOdd === 0) return 'utf-16be';
  return null;
}

/** Bytes at the end of `data` that start a UTF-8 sequence the next chunk will complete. */
function incompleteUtf8Tail(data: Buffer): number {
  for (let i = data.length - 1; i >= Math.max(0, data.length - 3); i--) {
    const byte = data[i] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte < 0xc0) return 0;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return data.length - i < needed ? data.length - i : 0;
  }
  return 0;
}

/** Index of the first byte in [from, end) that breaks UTF-8 (overlongs and surrogates included), or -1. */
function firstInvalidUtf8(data: Buffer, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const byte = data[i] ?? 0;
    if (byte < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (byte >= 0xc2 && byte <= 0xdf) length = 2;
    else if (byte >= 0xe0 && byte <= 0xef) {
      length = 3;
      if (byte === 0xe0) low = 0xa0;
      if (byte === 0xed) high = 0x9f;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      length = 4;
      if (byte === 0xf0) low = 0x90;
      if (byte === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > end) return i;
    for (let k = 1; k < length; k++) {
      const next = data[i + k] ?? 0;
      if (k === 1 ? next < low || next > high : (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
}

function firstNonAscii(data: Buffer): number {
  for (let i = 0; i < data.length; i++) if ((data[i] ?? 0) >= 0x80) return i;
  return -1;
}

function notUtf8(offset: number) {
  return errors.importInvalid([
    {
      path: 'file',
      message:
        `The file mixes text encodings: it reads as UTF-8 up to byte ${offset}, then does not. ` +
        'Save it again from your spreadsheet as "CSV UTF-8" and retry.',
    },
  ]);
}

/**
 * Incremental decoder that settles the encoding as bytes arrive. Until the first non-ASCII byte
 * the text is the same in UTF-8 and Windows-1252; at that byte, valid UTF-8 decides UTF-8 and
 * anything else decides Windows-1252. A streamed file is therefore never decoded twice, and a
 * Windows-1252 accent deep inside a large file is still read correctly.
 */
export class SpreadsheetTextDecoder {
  private state: TextEncoding | 'undecided';
  private pending: Buffer = Buffer.alloc(0);
  private legacy: iconv.DecoderStream | null = null;
  private consumed = 0;
  /** Bytes held until there are enough to recognise a BOM (it may arrive split). */
  private head: Buffer | null = Buffer.alloc(0);

  constructor(forced?: TextEncoding) {
    this.state = forced ?? 'undecided';
    if (forced && forced !== 'utf-8') this.legacy = iconv.getDecoder(forced, { stripBOM: false });
  }

  /** The encoding decided so far (pure ASCII counts as UTF-8). */
  get encoding(): TextEncoding {
    return this.state === 'undecided' ? 'utf-8' : this.state;
  }

  write(input: Buffer): string {
    if (this.head === null) return this.decode(input);
    const head = this.head.length > 0 ? Buffer.concat([this.head, input]) : input;
    if (head.length < 3) {
      this.head = Buffer.from(head);
      return '';
    }
    return this.decode(this.startWith(head));
  }

  end(): string {
    const text = this.head === null ? '' : this.decode(this.startWith(this.head));
    return text + this.finish();
  }

  /** Remove a BOM that agrees with the forced encoding, or settles an undecided one. */
  private startWith(head: Buffer): Buffer {
    this.head = null;
    const bom = detectBom(head);
    if (!bom || (this.state !== 'undecided' && this.state !== bom.encoding)) return head;
    this.switchTo(bom.encoding);
    return head.subarray(bom.length);
  }

  private decode(chunk: Buffer): string {
    if (this.legacy) return this.legacy.write(chunk);
    const data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    const bodyEnd = data.length - incompleteUtf8Tail(data);
    if (this.state === 'undecided') {
      // The first non-ASCII character decides: valid UTF-8 there means UTF-8, else Windows-1252.
      const first = firstNonAscii(data);
      if (first === -1 || first >= bodyEnd) return this.emitUtf8(data, bodyEnd);
      const invalid = firstInvalidUtf8(data, first, bodyEnd);
      if (invalid === first) {
        this.switchTo('windows-1252');
        this.pending = Buffer.alloc(0);
        return this.decode(data);
      }
      if (invalid !== -1) throw notUtf8(this.consumed + invalid);
      this.state = 'utf-8';
      return this.emitUtf8(data, bodyEnd);
    }
    if (!isUtf8(data.subarray(0, bodyEnd))) throw notUtf8(this.consumed + firstInvalidUtf8(data, 0, bodyEnd));
    return this.emitUtf8(data, bodyEnd);
  }

  private finish(): string {
    if (this.legacy) return this.legacy.end() ?? '';
    if (this.pending.length === 0) return '';
    if (this.state === 'utf-8') throw notUtf8(this.consumed);
    // An undecided file ending in a lone high byte: only Windows-1252 can read it.
    this.switchTo('windows-1252');
    const rest = this.pending;
    this.pending = Buffer.alloc(0);
    return this.decode(rest) + this.finish();
  }

  private switchTo(encoding: TextEncoding): void {
    this.state = encoding;
    this.legacy = encoding === 'utf-8' ? null : iconv.getDecoder(encoding, { stripBOM: false });
  }

  private emitUtf8(data: Buffer, bodyEnd: number): string {
    this.pending = Buffer.from(data.subarray(bodyEnd));
    this.consumed += bodyEnd;
    return data.toString('utf8', 0, bodyEnd);
  }
}

/** Decode a byte stream to text chunks; `decoder.encoding` tells what was found. */
export async function* decodeText(
  chunks: AsyncIterable<Buffer>,
  decoder: SpreadsheetTextDecoder,
): AsyncGenerator<string> {
  for await (const chunk of chunks) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

import { errors } from '../errors.js';
import { detectBom, guessUtf16WithoutBom } from './encoding.js';

export type SpreadsheetFormat = 'csv' | 'xlsx';

/** How many leading bytes `sniffSpreadsheet` looks at. */
export const SNIFF_BYTES = 4096;

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

/** Signatures of files people upload by mistake, named so the error tells them what they sent. */
const KNOWN_BINARIES: ReadonlyArray<{ magic: readonly number[]; name: string; hint?: string }> = [
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    name: 'an Excel 97-2003 workbook (.xls) or a password-protected Office file',
    hint: 'open it in Excel, remove any password, and save it as .xlsx',
  },
  { magic: [0x25, 0x50, 0x44, 0x46], name: 'a PDF document' },
  { magic: [0x50, 0x4b, 0x05, 0x06], name: 'an empty ZIP archive' },
  { magic: [0x1f, 0x8b], name: 'a gzip archive' },
  { magic: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { magic: [0x52, 0x61, 0x72, 0x21], name: 'a RAR archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], name: 'a 7-Zip archive' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'an RTF document' },
];

const MARKUP_STARTS = ['<?xml', '<html', '<!doctype', '<table'];

export function unsupportedFileType(what: string, hint = 'save it as .xlsx or CSV') {
  return errors.unsupportedMediaType(
    `Unsupported file type: this looks like ${what}. Use an Excel workbook (.xlsx) or a CSV file; ${hint}.`,
    { detected: what },
  );
}

function startsWith(head: Buffer, magic: readonly number[]): boolean {
  return head.length >= magic.length && magic.every((byte, i) => head[i] === byte);
}

/** Text bytes never include NUL, and only rarely other C0 controls besides tab, CR, LF, FF. */
function looksBinary(head: Buffer): boolean {
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  }
  return controls > Math.max(2, head.length / 100);
}

/**
 * Decide by content, never by the file name: an .xlsx is a ZIP (checked further when read), and a
 * CSV is text in an encoding the CSV reader understands. Anything else is refused with 415.
 */
export function sniffSpreadsheet(head: Buffer): SpreadsheetFormat {
  if (head.length === 0) {
    throw errors.importInvalid([{ path: 'file', message: 'The file is empty' }]);
  }
  if (startsWith(head, ZIP_LOCAL_HEADER)) return 'xlsx';
  for (const known of KNOWN_BINARIES) {
    if (startsWith(head, known.magic)) throw unsupportedFileType(known.name, known.hint);
  }
  if (detectBom(head) || guessUtf16WithoutBom(head)) return 'csv';
  if (looksBinary(head)) throw unsupportedFileType('a binary file');
  const start = head.subarray(0, 64).toString('latin1').trimStart().toLowerCase();
  if (MARKUP_STARTS.some((markup) => start.startsWith(markup))) {
    throw unsupportedFileType('an HTML or XML document (some tools save these with an .xls name)');
  }
  return 'csv';
}

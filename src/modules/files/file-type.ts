import { errors } from '../../core/errors.js';

/*
 * What an uploaded file really is, decided from its bytes (magic numbers, ZIP entry names, text
 * checks), never from the client's Content-Type. Only the types on the allow-list are accepted, and
 * the file name's extension must agree with what the bytes are: an executable or an HTML page
 * renamed .pdf is refused.
 */

export const FILE_TYPES = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
  },
  odt: { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  odp: { mime: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'] },
  png: { mime: 'image/png', extensions: ['png'] },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  csv: { mime: 'text/csv', extensions: ['csv'] },
  markdown: { mime: 'text/markdown', extensions: ['md', 'markdown'] },
  json: { mime: 'application/json', extensions: ['json'] },
  text: { mime: 'text/plain', extensions: ['txt', 'text', 'log'] },
} as const;

export type FileKind = keyof typeof FILE_TYPES;
export const ALLOWED_MIME_TYPES: readonly string[] = Object.values(FILE_TYPES).map((t) => t.mime);

const SIGNATURES: ReadonlyArray<{ kind: FileKind; magic: readonly number[] }> = [
  { kind: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { kind: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'jpeg', magic: [0xff, 0xd8, 0xff] },
];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const TEXT_KINDS: readonly FileKind[] = ['csv', 'markdown', 'json', 'text'];
/** Text that a browser would render as a page or run as a script. */
const ACTIVE_MARKUP = /<\s*(!doctype|html|head|body|script|iframe|svg|object|embed|meta|\?xml)\b/i;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function refuse(name: string, what: string) {
  return errors.unsupportedMediaType(
    `${name}: ${what}. Accepted: PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, CSV, text, Markdown and JSON files`,
    { detected: what },
  );
}

/** The names of the files in a ZIP archive, from its central directory; null when it is not one. */
export function zipEntryNames(archive: Buffer): string[] | null {
  const END_OF_DIRECTORY = 0x06054b50;
  const DIRECTORY_ENTRY = 0x02014b50;
  let end = archive.length - 22;
  const stop = Math.max(0, archive.length - 22 - 0xffff); // the archive comment is at most 64 KiB
  while (end >= stop && archive.readUInt32LE(end) !== END_OF_DIRECTORY) end--;
  if (end < stop) return null;
  const count = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > archive.length || archive.readUInt32LE(offset) !== DIRECTORY_ENTRY) return null;
    const nameLength = archive.readUInt16LE(offset + 28);
    const skip = archive.readUInt16LE(offset + 30) + archive.readUInt16LE(offset + 32);
    names.push(archive.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + skip;
  }
  return names;
}

function zipKind(bytes: Buffer): FileKind | null {
  // OpenDocument: an uncompressed first entry "mimetype" holding the media type.
  if (bytes.toString('latin1', 30, 38) === 'mimetype') {
    const declared = bytes.toString('latin1', 38, 38 + 60);
    for (const kind of ['odt', 'ods', 'odp'] as const)
      if (declared.startsWith(FILE_TYPES[kind].mime)) return kind;
  }
  const names = zipEntryNames(bytes);
  if (!names || !names.includes('[Content_Types].xml')) return null;
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (names.includes('ppt/presentation.xml')) return 'pptx';
  return null;
}

function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  let controls = 0;
  for (const byte of bytes.subarray(0, 65536))
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  if (controls > 0) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function textKind(bytes: Buffer, extension: string): FileKind {
  const kind = TEXT_KINDS.find((k) => (FILE_TYPES[k].extensions as readonly string[]).includes(extension));
  if (kind === 'json') {
    try {
      JSON.parse(bytes.toString('utf8'));
    } catch {
      return 'text';
    }
  }
  return kind ?? 'text';
}

/**
 * The kind of file the bytes are, checked against the name's extension. Throws 415 for anything not
 * on the allow-list, for active content (HTML, SVG, scripts) and when the name claims another type.
 */
export function sniffFileType(bytes: Buffer, name: string): { kind: FileKind; mime: string } {
  if (bytes.length === 0)
    throw errors.validation(`${name}: the file is empty`, [{ path: 'file', message: 'empty' }]);
  const extension = extensionOf(name);
  let kind: FileKind | null = SIGNATURES.find((s) => startsWith(bytes, s.magic))?.kind ?? null;
  if (!kind && startsWith(bytes, ZIP_LOCAL_HEADER)) {
    kind = zipKind(bytes);
    if (!kind) throw refuse(name, 'a ZIP archive that is not an Office or OpenDocument file');
  }
  if (!kind) {
    if (!isText(bytes)) throw refuse(name, 'a binary file of a type that is not accepted');
    if (ACTIVE_MARKUP.test(bytes.subarray(0, 65536).toString('utf8')))
      throw refuse(name, 'an HTML, SVG or XML document');
    kind = textKind(bytes, extension);
  }
  const type = FILE_TYPES[kind];
  const matches = (type.extensions as readonly string[]).includes(extension);
  // The name must say what the content is, so the file opens as what it is on the reader's computer.
  if (!matches)
    throw refuse(name, `the name says .${extension || '(none)'} but the content is ${kind.toUpperCase()}`);
  return { kind, mime: type.mime };
}

/** The Content-Type a download is sent with: the stored type, with a charset for text. */
export function downloadContentType(mime: string): string {
  if (!ALLOWED_MIME_TYPES.includes(mime)) return 'application/octet-stream';
  return mime.startsWith('text/') || mime === 'application/json' ? `${mime}; charset=utf-8` : mime;
}

/** A file name safe to store and to put in a Content-Disposition header (no paths, no controls). */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'file';
}

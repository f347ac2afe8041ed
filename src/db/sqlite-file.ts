/** Recognising an SQLite database file from its first bytes (https://sqlite.org/fileformat.html). */

export const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
export const SQLITE_HEADER_BYTES = 100;

export type HeaderCheck =
  | { ok: true; pageSize: number; pageCount: number }
  | { ok: false; problem: 'not_sqlite' | 'truncated'; message: string };

/**
 * Pure: is `header` (the file's first bytes) the header of a complete SQLite database of
 * `fileSize` bytes? Catches other files and copies cut short (a partial download, a full disk).
 */
export function checkSqliteHeader(header: Buffer, fileSize: number): HeaderCheck {
  if (header.length < SQLITE_MAGIC.length || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    return { ok: false, problem: 'not_sqlite', message: 'it is not an SQLite database file' };
  }
  if (fileSize < SQLITE_HEADER_BYTES || header.length < SQLITE_HEADER_BYTES) {
    return { ok: false, problem: 'truncated', message: 'the file is cut short (no complete header)' };
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  if (pageSize < 512 || pageSize > 65_536 || (pageSize & (pageSize - 1)) !== 0) {
    return {
      ok: false,
      problem: 'not_sqlite',
      message: `its header has an invalid page size (${rawPageSize})`,
    };
  }
  // The page count in the header is only trusted when its change counter matches (SQLite ≥ 3.7.0).
  const changeCounter = header.readUInt32BE(24);
  const headerPages = header.readUInt32BE(28);
  const validFor = header.readUInt32BE(92);
  const pageCount =
    headerPages > 0 && changeCounter === validFor ? headerPages : Math.floor(fileSize / pageSize);
  if (fileSize < pageCount * pageSize || fileSize % pageSize !== 0) {
    return {
      ok: false,
      problem: 'truncated',
      message: `the file is cut short (${fileSize} bytes; its header announces ${pageCount} pages of ${pageSize} bytes)`,
    };
  }
  return { ok: true, pageSize, pageCount };
}

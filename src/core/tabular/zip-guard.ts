import { createInflateRaw } from 'node:zlib';
import { errors } from '../errors.js';
import { formatBytes } from './limits.js';
import { tableProblem } from './table.js';
import { unsupportedFileType } from './sniff.js';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_ENTRIES = 10_000;

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localHeaderOffset: number;
}

function corrupt(reason: string) {
  return errors.importInvalid([tableProblem(`The workbook is damaged and cannot be read (${reason})`)]);
}

function findEndOfCentralDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= lowest; i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  throw corrupt('no ZIP directory');
}

function listEntries(zip: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw corrupt('ZIP64 archives are not supported');
  if (count > MAX_ENTRIES) throw corrupt(`${count} parts`);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_SIGNATURE)
      throw corrupt('bad directory');
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({
      flags: zip.readUInt16LE(offset + 8),
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      localHeaderOffset: zip.readUInt32LE(offset + 42),
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryData(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_SIGNATURE)
    throw corrupt(`bad part ${entry.name}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (entry.compressedSize === 0xffffffff || end > zip.length) throw corrupt(`truncated part ${entry.name}`);
  return zip.subarray(start, end);
}

/** Inflate without keeping the output, stopping as soon as it exceeds `budget`. */
function inflatedSize(data: Buffer, budget: number, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    let total = 0;
    inflater.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > budget) {
        inflater.destroy();
        resolve(total);
      }
    });
    inflater.on('end', () => resolve(total));
    inflater.on('error', () => reject(corrupt(`cannot decompress ${name}`)));
    inflater.end(data);
  });
}

/**
 * Check an XLSX before any XML parser sees it: it must be a ZIP holding a workbook, unencrypted,
 * and its parts must decompress to at most `maxUncompressedBytes` in total. Sizes are measured
 * by actually inflating (the sizes a ZIP declares can lie), so a zip bomb is refused after
 * producing at most the budget, which is discarded as it streams.
 */
export async function checkXlsxArchive(zip: Buffer, maxUncompressedBytes: number): Promise<void> {
  const entries = listEntries(zip);
  const names = new Set(entries.map((entry) => entry.name));
  if (!names.has('xl/workbook.xml')) {
    const what = names.has('word/document.xml')
      ? 'a Word document'
      : names.has('ppt/presentation.xml')
        ? 'a PowerPoint presentation'
        : 'a ZIP archive that is not an Excel workbook';
    throw unsupportedFileType(what);
  }
  let total = 0;
  for (const entry of entries) {
    if ((entry.flags & 0x1) !== 0)
      throw unsupportedFileType('an encrypted workbook', 'remove the password first');
    const data = entryData(zip, entry);
    const budget = maxUncompressedBytes - total;
    if (entry.method === 0) total += data.length;
    else if (entry.method === 8) total += await inflatedSize(data, budget, entry.name);
    else throw corrupt(`unsupported compression in ${entry.name}`);
    if (total > maxUncompressedBytes) {
      throw errors.payloadTooLarge(
        `The workbook expands to more than ${formatBytes(maxUncompressedBytes)} when opened; split it into smaller files`,
        { limit_uncompressed_bytes: maxUncompressedBytes },
      );
    }
  }
}

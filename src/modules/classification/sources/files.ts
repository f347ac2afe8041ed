import fs from 'node:fs';
import path from 'node:path';
import { errors } from '../../../core/errors.js';
import { sniffSpreadsheet, unsupportedFileType } from '../../../core/tabular/sniff.js';
import type { ScanFormat } from '../scan-report.js';
import { readCsvDataset } from './csv.js';
import type { ReadContext, SourceDataset } from './dataset.js';
import { readJsonDataset } from './json.js';
import { readParquetDataset } from './parquet.js';
import { readTextDataset } from './text.js';
import { readXlsxDatasets } from './xlsx.js';

/** File extensions a folder scan reads (anything else in a folder is passed over). */
const EXTENSIONS: Record<string, ScanFormat> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  // Read as xlsx so that the user is told what the file really is (an old .xls is refused clearly).
  '.xls': 'xlsx',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.parquet': 'parquet',
  '.txt': 'text',
  '.md': 'text',
  '.markdown': 'text',
};

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const PARQUET = Buffer.from('PAR1');
const HEAD_BYTES = 4096;

export function formatByExtension(file: string): ScanFormat | undefined {
  return EXTENSIONS[path.extname(file).toLowerCase()];
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The format of a file: by content where it is certain (a ZIP is a workbook, `PAR1` is Parquet),
 * else by extension, with text formats checked to be text (a binary file named .csv is refused
 * with what it looks like). Unknown extensions are read as plain text when they are text.
 */
export async function detectFormat(file: string): Promise<ScanFormat | 'empty'> {
  const head = await readHead(file);
  if (head.length === 0) return 'empty';
  const byName = formatByExtension(file);
  if (head.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (head.subarray(0, 4).equals(PARQUET)) return 'parquet';
  if (byName === 'parquet')
    throw unsupportedFileType('not a Parquet file (no PAR1 signature)', 'check the file');
  // Refuses binaries (PDF, images, old Office files, …) with what they look like.
  sniffSpreadsheet(head);
  if (byName === 'xlsx')
    throw unsupportedFileType('a text file named as a workbook', 'rename it .csv or .txt');
  return byName ?? 'text';
}

/** Every dataset of one file, by its format. */
export async function* readFileDatasets(
  file: string,
  source: string,
  context: ReadContext,
): AsyncGenerator<SourceDataset> {
  const format = await detectFormat(file);
  switch (format) {
    case 'empty':
      yield {
        source,
        format: formatByExtension(file) ?? 'text',
        headers: [],
        batches: (async function* () {})(),
      };
      return;
    case 'csv':
    case 'tsv':
      yield await readCsvDataset(file, source, format, context);
      return;
    case 'xlsx':
      yield* readXlsxDatasets(file, source, context);
      return;
    case 'json':
    case 'jsonl':
      yield await readJsonDataset(file, source, format, context);
      return;
    case 'parquet':
      yield await readParquetDataset(file, source, context);
      return;
    case 'text':
      yield await readTextDataset(file, source, context);
      return;
    default:
      throw unsupportedFileType(`a ${format} source`);
  }
}

export interface FoundFile {
  /** Path to open. */
  file: string;
  /** How the report names it: the path as given, or under the folder as given. */
  source: string;
}

/**
 * The files of a scan path: the file itself, or a folder's files of known extensions, recursively,
 * in name order, skipping hidden files and folders (".git", ".DS_Store") and following symbolic
 * links only once per real folder (a link loop ends there).
 */
export async function* filesOf(target: string, name?: string): AsyncGenerator<FoundFile> {
  const stat = await fs.promises.stat(target).catch(() => null);
  if (!stat) throw errors.notFound('File or folder', target);
  if (!stat.isDirectory()) {
    yield { file: target, source: name ?? target };
    return;
  }
  const visited = new Set<string>();
  async function* walk(dir: string, shown: string): AsyncGenerator<FoundFile> {
    const real = await fs.promises.realpath(dir);
    if (visited.has(real)) return;
    visited.add(real);
    const entries = await fs.promises.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      const label = path.join(shown, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await fs.promises.stat(full).catch(() => null);
        isDir = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
      }
      if (isDir) yield* walk(full, label);
      else if (isFile && formatByExtension(entry.name)) yield { file: full, source: label };
    }
  }
  yield* walk(target, name ?? target);
}

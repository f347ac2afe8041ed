import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { errors, type FieldIssue } from '../core/errors.js';
import type { SpreadsheetFile } from '../core/tabular/spreadsheet-file.js';

/* Files named on the command line: imports read them, exports write them. */

/** The file as a stream; a missing or unreadable file is named as typed. */
export async function openInput(file: string): Promise<fs.ReadStream> {
  try {
    const handle = await fs.promises.open(file, 'r');
    return handle.createReadStream();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw errors.notFound('file', file);
    if (code === 'EISDIR') throw errors.validation(`${file} is a folder, not a file`);
    throw error;
  }
}

/** Write the file's stream to `file` (refusing to replace one without --force); a failed write leaves no file. */
export async function saveFile(
  sheet: Pick<SpreadsheetFile, 'stream'>,
  file: string,
  force = false,
): Promise<number> {
  let out: fs.WriteStream;
  try {
    const handle = await fs.promises.open(file, force ? 'w' : 'wx');
    out = handle.createWriteStream();
  } catch (error) {
    sheet.stream.destroy();
    if ((error as { code?: string }).code === 'EEXIST')
      throw errors.conflict(`${file} exists; give --force to overwrite it`, { file });
    throw error;
  }
  try {
    await pipeline(sheet.stream, out);
  } catch (error) {
    await fs.promises.rm(file, { force: true });
    throw error;
  }
  return out.bytesWritten;
}

/** `row 5, E-mail: not a valid e-mail address`, as the error output prints problems. */
export function describeProblem(issue: FieldIssue): string {
  if (issue.row === undefined) return issue.column ? `${issue.column}: ${issue.message}` : issue.message;
  return `row ${issue.row}${issue.column ? `, ${issue.column}` : ''}: ${issue.message}`;
}

/** What an import reports, as the CLI prints it. */
export interface ImportSummary {
  dry_run: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  issues: readonly FieldIssue[];
}

/** The import's answer for a terminal: counts, then every problem by row and column. */
export function renderImportReport(result: ImportSummary, what: string): string {
  const counts = `${result.created} to add, ${result.updated} to update, ${result.unchanged} unchanged`;
  const rows = `${result.rows} row(s) of ${what}`;
  const lines = result.dry_run
    ? [`Dry run: checked ${rows}: ${counts}. Nothing was written.`]
    : [
        `Imported ${rows}: ${result.created} added, ${result.updated} updated, ${result.unchanged} unchanged.`,
      ];
  if (result.issues.length > 0) {
    lines.push(`${result.issues.length} problem(s); fix them and try again:`);
    for (const issue of result.issues) lines.push(`  ${describeProblem(issue)}`);
  }
  return lines.join('\n');
}

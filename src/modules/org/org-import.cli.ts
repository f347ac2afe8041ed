import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { FlagNames } from '../../cli/args.js';
import { print, withServices } from '../../cli/output.js';
import { ERROR_CATALOGUE, errors, type FieldIssue } from '../../core/errors.js';
import { createProgress, progressReporter } from '../../core/progress.js';
import type { SpreadsheetFile } from './org-import.export.js';
import {
  orgImportKindSchema,
  spreadsheetFormatSchema,
  type OrgImportKind,
  type SpreadsheetFormat,
} from './org-import.schema.js';
import type { ImportResult } from './org-import.service.js';

const FLAGS = new FlagNames({ kind: '--kind' });
const KINDS_HELP = 'people or offices';

interface FileOptions {
  kind: string;
  force?: boolean;
  json?: boolean;
}

/**
 * `custos org import|export|template FILE --kind people|offices`: the organisation as
 * spreadsheets, with the same layout, checks and audit trail as the web and the API.
 */
export function registerOrgImportCommands(program: Command): void {
  const org = program
    .command('org')
    .description('The organisation as spreadsheets: import, export and the template (XLSX or CSV)');

  org
    .command('import <file>')
    .description('Import people or offices from an XLSX or CSV file: all rows or none')
    .requiredOption('--kind <kind>', KINDS_HELP)
    .option('--dry-run', 'check every row and show what would change; write nothing')
    .option('--json', 'machine-readable output')
    .action((file: string, options: FileOptions & { dryRun?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const kind = parseKind(options.kind);
        const input = await openInput(file);
        const progress = createProgress({ json: options.json });
        let result: ImportResult;
        try {
          result = await services.orgImport.import(ctx, kind, input, {
            dryRun: options.dryRun,
            onProgress: progressReporter(progress, options.dryRun ? 'Checking' : 'Importing'),
          });
        } finally {
          progress.stop();
          input.destroy();
        }
        print(options.json, result, renderImport);
        if (result.issues.length > 0) process.exitCode = ERROR_CATALOGUE.import_invalid.exit;
      }),
    );

  org
    .command('export <file>')
    .description('Write the people or offices to FILE (.xlsx or .csv), in the layout import reads')
    .requiredOption('--kind <kind>', KINDS_HELP)
    .option('--force', 'overwrite FILE when it exists')
    .option('--json', 'machine-readable output')
    .action((file: string, options: FileOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const { kind, format } = parseFileArgs(options.kind, file);
        const sheet = await services.orgImport.export(ctx, kind, format);
        const bytes = await save(sheet, file, options.force);
        const written = { file, kind, format, rows: sheet.rowCount(), bytes };
        print(options.json, written, (w) => `Exported ${w.rows} ${rowNoun(kind, w.rows)} to ${w.file}`);
      }),
    );

  org
    .command('template <file>')
    .description('Write the empty XLSX template (drop-downs and instructions) to FILE')
    .requiredOption('--kind <kind>', KINDS_HELP)
    .option('--force', 'overwrite FILE when it exists')
    .option('--json', 'machine-readable output')
    .action((file: string, options: FileOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const { kind, format } = parseFileArgs(options.kind, file);
        if (format !== 'xlsx')
          throw errors.validation('FILE: the template is an Excel workbook; name it .xlsx', [
            { path: 'FILE', message: 'use a .xlsx file name' },
          ]);
        const bytes = await save(await services.orgImport.template(ctx, kind), file, options.force);
        print(options.json, { file, kind, bytes }, (w) => `Wrote the ${kind} template to ${w.file}`);
      }),
    );
}

function parseKind(kind: string): OrgImportKind {
  return FLAGS.parse(z.object({ kind: orgImportKindSchema }), { kind }).kind;
}

/** The kind, and the format the file name's extension asks for. */
function parseFileArgs(kind: string, file: string): { kind: OrgImportKind; format: SpreadsheetFormat } {
  const parsedKind = parseKind(kind);
  const format = spreadsheetFormatSchema.safeParse(path.extname(file).slice(1).toLowerCase());
  if (!format.success)
    throw errors.validation('FILE: name it .xlsx or .csv (the extension picks the format)', [
      { path: 'FILE', message: 'use a .xlsx or .csv file name' },
    ]);
  return { kind: parsedKind, format: format.data };
}

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

/** Write the stream to `file` (refusing to replace one without --force); a failed write leaves no file. */
export async function save(
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

function rowNoun(kind: OrgImportKind, count: number): string {
  if (kind === 'people') return count === 1 ? 'person' : 'people';
  return count === 1 ? 'office' : 'offices';
}

/** `row 5, E-mail: not a valid e-mail address`, as the error output prints problems. */
export function describeProblem(issue: FieldIssue): string {
  if (issue.row === undefined) return issue.column ? `${issue.column}: ${issue.message}` : issue.message;
  return `row ${issue.row}${issue.column ? `, ${issue.column}` : ''}: ${issue.message}`;
}

export function renderImport(result: ImportResult): string {
  const counts = `${result.created} to add, ${result.updated} to update, ${result.unchanged} unchanged`;
  const rows = `${result.rows} row(s) of ${result.kind}`;
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

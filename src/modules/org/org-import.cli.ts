import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { FlagNames } from '../../cli/args.js';
import { print, withServices } from '../../cli/output.js';
import { openInput, renderImportReport, saveFile } from '../../cli/files.js';
import { ERROR_CATALOGUE, errors } from '../../core/errors.js';
import { createProgress, IMPORT_STAGES, progressReporter } from '../../core/progress.js';
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
            onProgress: progressReporter(progress, IMPORT_STAGES),
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
        const bytes = await saveFile(sheet, file, options.force);
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
        const bytes = await saveFile(await services.orgImport.template(ctx, kind), file, options.force);
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

function rowNoun(kind: OrgImportKind, count: number): string {
  if (kind === 'people') return count === 1 ? 'person' : 'people';
  return count === 1 ? 'office' : 'offices';
}

export function renderImport(result: ImportResult): string {
  return renderImportReport(result, result.kind);
}

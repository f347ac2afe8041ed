import path from 'node:path';
import type { Command } from 'commander';
import { openInput, renderImportReport, saveFile } from '../../cli/files.js';
import { print, withServices } from '../../cli/output.js';
import { ERROR_CATALOGUE, errors } from '../../core/errors.js';
import { createProgress, IMPORT_STAGES, progressReporter } from '../../core/progress.js';
import type { SpreadsheetFormat } from '../../core/tabular/sniff.js';
import type { InventoryImportResult } from './inventory-import.service.js';

interface FileOptions {
  force?: boolean;
  json?: boolean;
}

/** Where the DCAT catalogue says it lives when written from the command line. */
const CLI_BASE_URL = 'http://localhost:8080';

/**
 * `custos inventory import|export|template|dcat FILE`: the data inventory as spreadsheets (and as a
 * public DCAT catalogue), with the same layout, checks and audit trail as the web and the API.
 */
export function registerInventoryImportCommands(program: Command): void {
  const inventory = program
    .command('inventory')
    .description('The data inventory as spreadsheets (XLSX or CSV) and as a DCAT catalogue');

  inventory
    .command('import <file>')
    .description('Import data assets from an XLSX or CSV file: all rows or none')
    .option('--dry-run', 'check every row and show what would change; write nothing')
    .option('--json', 'machine-readable output')
    .action((file: string, options: FileOptions & { dryRun?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const input = await openInput(file);
        const progress = createProgress({ json: options.json });
        let result: InventoryImportResult;
        try {
          result = await services.inventoryImport.import(ctx, input, {
            dryRun: options.dryRun,
            onProgress: progressReporter(progress, IMPORT_STAGES),
          });
        } finally {
          progress.stop();
          input.destroy();
        }
        print(options.json, result, (r) => renderImportReport(r, 'assets'));
        if (result.issues.length > 0) process.exitCode = ERROR_CATALOGUE.import_invalid.exit;
      }),
    );

  inventory
    .command('export <file>')
    .description('Write the data assets in scope to FILE, in the layout import reads')
    .option('--format <format>', 'xlsx or csv (default: from the extension of FILE)')
    .option('--force', 'overwrite FILE when it exists')
    .option('--json', 'machine-readable output')
    .action((file: string, options: FileOptions & { format?: string }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const format = formatOf(file, options.format);
        const sheet = await services.inventoryImport.export(ctx, format);
        const bytes = await saveFile(sheet, file, options.force);
        const written = { file, format, rows: sheet.rowCount(), bytes };
        print(options.json, written, (w) => `Exported ${w.rows} asset(s) to ${w.file}`);
      }),
    );

  inventory
    .command('template <file>')
    .description('Write the empty XLSX template (drop-downs and instructions) to FILE')
    .option('--force', 'overwrite FILE when it exists')
    .option('--json', 'machine-readable output')
    .action((file: string, options: FileOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        if (formatOf(file) !== 'xlsx')
          throw errors.validation('FILE: the template is an Excel workbook; name it .xlsx', [
            { path: 'FILE', message: 'use a .xlsx file name' },
          ]);
        const bytes = await saveFile(await services.inventoryImport.template(ctx), file, options.force);
        print(options.json, { file, bytes }, (w) => `Wrote the inventory template to ${w.file}`);
      }),
    );

  inventory
    .command('dcat <file>')
    .description('Write the metadata that may be public (Public and Internal assets) as DCAT-AP JSON-LD')
    .option('--base-url <url>', 'the address the catalogue is published under', CLI_BASE_URL)
    .option('--force', 'overwrite FILE when it exists')
    .option('--json', 'machine-readable output')
    .action((file: string, options: FileOptions & { baseUrl: string }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const catalogue = await services.inventoryImport.dcat(ctx, options.baseUrl.replace(/\/+$/, ''));
        const bytes = await saveFile(catalogue, file, options.force);
        const written = { file, datasets: catalogue.datasetCount(), bytes };
        print(options.json, written, (w) => `Wrote ${w.datasets} dataset(s) to ${w.file}`);
      }),
    );
}

/** The format asked for, else the one the file name's extension names. */
function formatOf(file: string, asked?: string): SpreadsheetFormat {
  const format = (asked ?? path.extname(file).slice(1)).toLowerCase();
  if (format === 'xlsx' || format === 'csv') return format;
  const flag = asked === undefined ? 'FILE' : '--format';
  throw errors.validation(`${flag}: use xlsx or csv (name the file .xlsx or .csv, or give --format)`, [
    { path: flag, message: 'use xlsx or csv' },
  ]);
}

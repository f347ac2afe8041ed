import path from 'node:path';
import type { Command } from 'commander';
import { FlagNames, readAllPages } from '../../cli/args.js';
import { openInput, renderImportReport, saveFile } from '../../cli/files.js';
import { print, withServices } from '../../cli/output.js';
import { formatFields, formatTable } from '../../cli/table.js';
import { ERROR_CATALOGUE, errors } from '../../core/errors.js';
import { OrgLookup } from '../org/org.lookup.js';
import { scaleLabel } from './risk-scoring.js';
import { acceptSchema, riskListQuerySchema, type RiskDetail } from './risk.schema.js';
import type { SheetFormat } from './risk.sheets.js';

/*
 * `custos risk list|show|accept|import|export`: the risk register on the command line. Offices and
 * regions by code, owners by e-mail. The local operator acts as `cli:<user>`, so a risk recorded from
 * the command line must be accepted by someone else (four-eyes).
 */

const FLAGS = new FlagNames({
  q: '--q',
  category: '--category',
  office_id: '--office',
  region_id: '--region',
  status: '--status',
  owner_person_id: '--owner',
  level: '--level',
  justification: '--justification',
  expires_on: '--expires',
  version: '--version',
});

interface ListOptions {
  q?: string;
  category?: string;
  office?: string;
  region?: string;
  status?: string;
  owner?: string;
  level?: string;
  overdue?: boolean;
  json?: boolean;
}

export function registerRiskCommands(program: Command): void {
  const risk = program.command('risk').description('The risk register');

  risk
    .command('list')
    .description('List risks, all pages')
    .option('--q <text>', 'words in the title, description, cause or consequence')
    .option(
      '--category <category>',
      'data_protection, ai, information_security, compliance, operational or reputational',
    )
    .option('--office <code>', 'only risks of this office')
    .option('--region <code>', 'only risks of offices in this region')
    .option('--status <status>', 'open, in_treatment, accepted or closed')
    .option('--owner <email>', 'only risks this person owns')
    .option('--level <level>', 'low, medium, high or critical (residual once rated)')
    .option('--overdue', 'only risks with a review, acceptance or treatment past due')
    .option('--json', 'machine-readable output')
    .action((o: ListOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const lookup = new OrgLookup(services, ctx);
        const query = FLAGS.parse(riskListQuerySchema, {
          q: o.q,
          category: o.category,
          office_id: o.office === undefined ? undefined : (await lookup.office(o.office, '--office')).id,
          region_id: o.region === undefined ? undefined : (await lookup.region(o.region, '--region')).id,
          status: o.status,
          owner_person_id: o.owner === undefined ? undefined : (await lookup.person(o.owner)).id,
          level: o.level,
          overdue: o.overdue ? 'true' : undefined,
        });
        const risks = await readAllPages((cursor) =>
          services.risks.list(ctx, { ...query, limit: 500, cursor }),
        );
        print(o.json, risks, (list) =>
          formatTable(
            ['Id', 'Title', 'Category', 'Level', 'Status', 'Next review'],
            list.map((r) => [
              r.id,
              r.title,
              r.category,
              r.needs_review ? `${r.level} (review due)` : r.level,
              r.status,
              r.next_review_date,
            ]),
          ),
        );
      }),
    );

  risk
    .command('show <id>')
    .description('Show one risk with its treatments and sign-offs')
    .option('--json', 'machine-readable output')
    .action((id: string, o: { json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        print(o.json, await services.risks.get(ctx, id), riskText);
      }),
    );

  risk
    .command('accept <id>')
    .description("Sign off the risk's acceptance (not by whoever proposed it)")
    .requiredOption('--justification <text>', 'why the risk is accepted')
    .requiredOption('--expires <date>', 'when the acceptance lapses (YYYY-MM-DD, after today)')
    .option('--version <n>', 'the version you read: refuse if someone changed it since')
    .option('--json', 'machine-readable output')
    .action(
      (
        id: string,
        o: { justification: string; expires: string; version?: string; json?: boolean },
        command: Command,
      ) =>
        withServices(command, async (services, ctx) => {
          const current = await services.risks.get(ctx, id);
          const input = FLAGS.parse(acceptSchema, {
            justification: o.justification,
            expires_on: o.expires,
            version: o.version === undefined ? current.version : Number(o.version),
          });
          const accepted = await FLAGS.call(services.risks.accept(ctx, id, input), {
            id,
            name: current.title,
          });
          print(o.json, accepted, (r) => `Accepted risk "${r.title}" until ${r.acceptance_expires_on}`);
        }),
    );

  risk
    .command('import <file>')
    .description('Import risks from an XLSX or CSV file: all rows or none')
    .option('--dry-run', 'check every row and show what would change; write nothing')
    .option('--json', 'machine-readable output')
    .action((file: string, o: { dryRun?: boolean; json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const input = await openInput(file);
        try {
          const result = await services.riskSheets.import(ctx, input, { dryRun: o.dryRun });
          print(o.json, result, (r) => renderImportReport(r, 'risks'));
          if (result.issues.length > 0) process.exitCode = ERROR_CATALOGUE.import_invalid.exit;
        } finally {
          input.destroy();
        }
      }),
    );

  risk
    .command('export <file>')
    .description('Write the risks to FILE (.xlsx or .csv), in the layout import reads')
    .option('--force', 'overwrite FILE when it exists')
    .option('--json', 'machine-readable output')
    .action((file: string, o: { force?: boolean; json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const format = path.extname(file).slice(1).toLowerCase();
        if (format !== 'xlsx' && format !== 'csv')
          throw errors.validation('FILE: name it .xlsx or .csv', [
            { path: 'FILE', message: 'use a xlsx or csv file name' },
          ]);
        const sheet = await services.riskSheets.export(ctx, format satisfies SheetFormat);
        const bytes = await saveFile(sheet, file, o.force);
        print(
          o.json,
          { file, format, rows: sheet.rowCount(), bytes },
          (w) => `Exported ${w.rows} risk(s) to ${w.file}`,
        );
      }),
    );
}

function riskText(r: RiskDetail): string {
  const rating = (l: number | null, i: number | null, score: number | null, level: string | null) =>
    l === null || i === null
      ? null
      : `${scaleLabel('likelihood', l)} × ${scaleLabel('impact', i)} = ${score} (${level})`;
  return [
    formatFields([
      ['Id', r.id],
      ['Title', r.title],
      ['Category', r.category],
      ['Description', r.description],
      ['Cause', r.cause],
      ['Consequence', r.consequence],
      ['Inherent', rating(r.inherent_likelihood, r.inherent_impact, r.inherent_score, r.inherent_level)],
      ['Existing controls', r.existing_controls],
      ['Residual', rating(r.residual_likelihood, r.residual_impact, r.residual_score, r.residual_level)],
      ['Treatment', r.treatment],
      ['Status', r.status],
      ['Next review', r.next_review_date],
      ['Accepted until', r.acceptance_expires_on],
      ['Needs review', r.needs_review],
      ['Proposed by', r.proposed_by],
      ['Source', r.source],
      ['Version', r.version],
    ]),
    'Treatments:',
    ...r.treatments.map(
      (t) => `  ${t.due_date} ${t.status}${t.overdue ? ' (overdue)' : ''}: ${t.description}`,
    ),
    'Sign-offs:',
    ...r.acceptances.map(
      (a) => `  ${a.signed_at} by ${a.signed_by}, until ${a.expires_on}: ${a.justification}`,
    ),
  ].join('\n');
}

import path from 'node:path';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import type { Services } from '../../app/services.js';
import { collect, FlagNames, readAllPages, requireChanges, versionArg } from '../../cli/args.js';
import { print, withServices } from '../../cli/output.js';
import { formatFields, formatTable } from '../../cli/table.js';
import type { RequestContext } from '../../core/audit.js';
import { ERROR_CATALOGUE, errors } from '../../core/errors.js';
import type { RowImportResult } from '../../core/tabular/import-rows.js';
import { describeProblem, openInput, saveFile } from '../../cli/files.js';
import { OrgLookup } from '../org/org.lookup.js';
import { aiCommandGroup } from './ai-act.cli.js';
import { registerAiDocumentCommands } from './ai-documents.cli.js';
import {
  aiSystemCreateSchema,
  aiSystemListQuerySchema,
  aiSystemUpdateSchema,
  deleteQuerySchema,
  type AiSystem,
} from './ai-system.schema.js';
import type { PublicFormat, SheetFormat } from './ai-system.sheets.js';
import { bodyText } from './ai-system.sheets.js';

/*
 * `custos ai system list|show|add|update|delete|import|export` (documents: ai-documents.cli) and `custos ai register export`:
 * the AI systems register on the command line. Offices and departments by code, people by e-mail.
 */

const FLAGS = new FlagNames({
  name: '--name',
  office_id: '--office',
  department_id: '--department',
  public_description: '--description',
  purpose: '--purpose',
  provider: '--provider',
  contract: '--contract',
  models: '--model',
  deployment: '--deployment',
  lifecycle: '--lifecycle',
  users: '--users',
  affected_people: '--affected',
  decisions_informed: '--decisions',
  human_oversight: '--oversight',
  approval_status: '--approval',
  approval_conditions: '--conditions',
  dpia_reference: '--dpia-ref',
  usage_app_ids: '--app',
  data_asset_ids: '--asset',
  languages: '--languages',
  countries: '--countries',
  alternatives_considered: '--alternatives',
  risks_and_mitigations: '--risks',
  business_owner_id: '--business-owner',
  technical_owner_id: '--technical-owner',
  public_fields: '--public-fields',
  tier: '--tier',
  version: '--version',
});

interface SystemOptions {
  name?: string;
  office?: string;
  department?: string;
  description?: string;
  purpose?: string;
  provider?: string;
  contract?: string;
  model?: string[];
  deployment?: string;
  lifecycle?: string;
  users?: string;
  affected?: string[];
  decisions?: string;
  oversight?: string;
  approval?: string;
  conditions?: string;
  dpia?: string;
  dpiaRef?: string;
  app?: string[];
  asset?: string[];
  languages?: string;
  countries?: string;
  alternatives?: string;
  risks?: string;
  public?: string;
  publicFields?: string;
  personalData?: string;
  businessOwner?: string;
  technicalOwner?: string;
  version?: string;
  json?: boolean;
}

function systemOptions(command: Command): Command {
  return command
    .option('--department <code>', 'department of the office')
    .option('--description <text>', 'short public description')
    .option('--purpose <text>', 'purpose and rationale')
    .option('--provider <name>', 'provider or vendor')
    .option('--contract <text>', 'contract reference')
    .option('--model <name|provider|gpai>', 'an underlying model (repeat)', collect)
    .option('--deployment <kind>', 'saas, self_hosted or embedded')
    .option('--lifecycle <phase>', 'idea, pilot, production or retired')
    .option('--users <text>', 'who uses it')
    .option('--affected <group>', 'migrants_beneficiaries, staff, partners or public (repeat)', collect)
    .option('--decisions <text>', 'decisions it informs')
    .option('--oversight <text>', 'human oversight')
    .option('--approval <status>', 'approved, approved_with_conditions, unapproved or under_review')
    .option('--conditions <text>', 'conditions of the approval')
    .option('--dpia <yes|no>', 'whether a DPIA was done')
    .option('--dpia-ref <text>', 'DPIA reference or link')
    .option('--app <id>', 'AI usage catalogue app id (repeat)', collect)
    .option('--asset <id>', 'data asset id it uses (repeat)', collect)
    .option('--languages <codes>', 'ISO 639-1 codes of its languages, separated by commas ("" for none)')
    .option('--countries <codes>', 'ISO 3166-1 alpha-2 codes where it is used, separated by commas')
    .option('--alternatives <text>', 'alternatives considered')
    .option('--risks <text>', 'risks and their mitigations')
    .option('--public <yes|no>', 'whether it appears in the public register')
    .option(
      '--public-fields <list>',
      'the fields the public register shows besides the name, separated by commas ("" for none)',
    )
    .option('--personal-data <yes|no>', 'whether it processes personal data')
    .option('--business-owner <email>', 'business owner')
    .option('--technical-owner <email>', 'technical owner')
    .option('--json', 'print the system as JSON');
}

function yesNo(value: string | undefined, flag: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (/^(yes|y|true|1)$/i.test(value)) return true;
  if (/^(no|n|false|0)$/i.test(value)) return false;
  throw errors.validation(`${flag}: write yes or no`, [{ path: flag, message: 'yes or no' }]);
}

function models(values: string[] | undefined) {
  return values?.map((value) => {
    const [name = '', provider = '', kind = ''] = value.split('|').map((part) => part.trim());
    return { name, provider: provider || null, general_purpose: kind.toLowerCase() === 'gpai' };
  });
}

/** The fields the flags give, references resolved (only flags given; office resolved by the caller). */
async function systemFields(
  services: Services,
  ctx: RequestContext,
  o: SystemOptions,
  officeId: string | undefined,
) {
  const lookup = new OrgLookup(services, ctx);
  const person = async (email: string | undefined) =>
    email === undefined ? undefined : (await lookup.person(email)).id;
  let departmentId: string | undefined;
  if (o.department !== undefined) {
    if (officeId === undefined) throw errors.validation('--department: give --office with it');
    const office = await services.offices.get(ctx, officeId);
    departmentId = (await lookup.department(office, o.department, '--department')).id;
  }
  return {
    name: o.name,
    public_description: o.description,
    purpose: o.purpose,
    department_id: departmentId,
    business_owner_id: await person(o.businessOwner),
    technical_owner_id: await person(o.technicalOwner),
    provider: o.provider,
    contract: o.contract,
    models: models(o.model),
    deployment: o.deployment,
    lifecycle: o.lifecycle,
    users: o.users,
    affected_people: o.affected,
    decisions_informed: o.decisions,
    human_oversight: o.oversight,
    personal_data: yesNo(o.personalData, '--personal-data'),
    approval_status: o.approval,
    approval_conditions: o.conditions,
    dpia_done: yesNo(o.dpia, '--dpia'),
    dpia_reference: o.dpiaRef,
    usage_app_ids: o.app,
    data_asset_ids: o.asset,
    languages: commaList(o.languages),
    countries: commaList(o.countries),
    alternatives_considered: o.alternatives,
    risks_and_mitigations: o.risks,
    public: yesNo(o.public, '--public'),
    public_fields: commaList(o.publicFields),
  };
}

/** "a, b; c" → ['a', 'b', 'c']; "" → [] (clears the list). */
function commaList(value: string | undefined): string[] | undefined {
  return value
    ?.split(/[,;]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

export function registerAiSystemCommands(program: Command): void {
  const ai = aiCommandGroup(program);
  const system = ai.command('system').description('The AI systems register');

  system
    .command('list')
    .description('List AI systems, all pages')
    .option('--q <text>', 'words in the name, description, purpose or provider')
    .option('--office <code>', 'only systems of this office')
    .option('--tier <tier>', 'only this tier (or unclassified)')
    .option('--approval <status>', 'only this approval status')
    .option('--lifecycle <phase>', 'only this lifecycle phase')
    .option('--review-overdue', 'only systems whose review is due')
    .option('--without-dpia', 'only high-risk systems without a DPIA')
    .option('--json', 'machine-readable output')
    .action(
      (
        o: SystemOptions & { q?: string; tier?: string; reviewOverdue?: boolean; withoutDpia?: boolean },
        command: Command,
      ) =>
        withServices(command, async (services, ctx) => {
          const office =
            o.office === undefined
              ? undefined
              : await new OrgLookup(services, ctx).office(o.office, '--office');
          const query = FLAGS.parse(aiSystemListQuerySchema, {
            q: o.q,
            office_id: office?.id,
            tier: o.tier,
            approval_status: o.approval,
            lifecycle: o.lifecycle,
            review_overdue: o.reviewOverdue ? 'true' : undefined,
            no_dpia: o.withoutDpia ? 'true' : undefined,
          });
          const systems = await readAllPages((cursor) =>
            services.aiSystems.list(ctx, { ...query, limit: 500, cursor }),
          );
          print(o.json, systems, (list) =>
            formatTable(
              ['Id', 'Name', 'Tier', 'Approval', 'Lifecycle', 'Next review'],
              list.map((s) => [
                s.id,
                s.name,
                s.tier ?? 'unclassified',
                s.approval_status,
                s.lifecycle,
                s.next_review_date,
              ]),
            ),
          );
        }),
    );

  system
    .command('show <id>')
    .description('Show one AI system and its classifications')
    .option('--json', 'machine-readable output')
    .action((id: string, o: { json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const found = await services.aiSystems.get(ctx, id);
        const classifications = await services.aiClassifications.list(ctx, id);
        print(o.json, { ...found, classifications }, (s) =>
          [
            systemText(s),
            'Classifications:',
            ...classifications.map((c) => `  #${c.number} ${c.status}: ${c.tier} (version ${c.version})`),
          ].join('\n'),
        );
      }),
    );

  systemOptions(system.command('add').description('Register an AI system'))
    .requiredOption('--name <name>', 'name')
    .requiredOption('--office <code>', 'the office it belongs to')
    .action((o: SystemOptions & { office: string }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const office = await new OrgLookup(services, ctx).office(o.office, '--office');
        const input = FLAGS.parse(aiSystemCreateSchema, {
          ...(await systemFields(services, ctx, o, office.id)),
          office_id: office.id,
        });
        const created = await FLAGS.call(services.aiSystems.create(ctx, input));
        print(o.json, created, (s) => `Added AI system ${s.id} (${s.name}) to office ${office.code}`);
      }),
    );

  systemOptions(
    system.command('update <id>').description('Change an AI system; only the fields given change'),
  )
    .option('--name <name>', 'new name')
    .option('--office <code>', 'move it to this office')
    .option('--version <n>', 'the version you read: refuse the change if someone changed it since')
    .action((id: string, o: SystemOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const current = await services.aiSystems.get(ctx, id);
        const office =
          o.office === undefined
            ? undefined
            : await new OrgLookup(services, ctx).office(o.office, '--office');
        const fields = await systemFields(
          services,
          ctx,
          o,
          office?.id ?? (o.department ? current.office_id : undefined),
        );
        const changes = { ...fields, office_id: office?.id };
        requireChanges(changes, ['--name', '--office', '--lifecycle', '--approval', '…']);
        const input = FLAGS.parse(aiSystemUpdateSchema, {
          ...changes,
          version: versionArg(o.version, current.version),
        });
        const changed = await FLAGS.call(services.aiSystems.update(ctx, id, input), {
          id,
          name: current.name,
        });
        print(o.json, changed, (s) => `Changed AI system ${s.name} (version ${s.version})`);
      }),
    );

  system
    .command('delete <id>')
    .description('Delete an AI system and its classifications')
    .option('--version <n>', 'the version you read')
    .action((id: string, o: { version?: string }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const current = await services.aiSystems.get(ctx, id);
        const { version } = FLAGS.parse(deleteQuerySchema, {
          version: versionArg(o.version, current.version),
        });
        await FLAGS.call(services.aiSystems.remove(ctx, id, version), { id, name: current.name });
        process.stdout.write(`Deleted AI system ${current.name}\n`);
      }),
    );

  system
    .command('import <file>')
    .description('Import AI systems from an XLSX or CSV file: all rows or none')
    .option('--dry-run', 'check every row and show what would change; write nothing')
    .option('--json', 'machine-readable output')
    .action((file: string, o: { dryRun?: boolean; json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const input = await openInput(file);
        try {
          const result = await services.aiSheets.import(ctx, input, { dryRun: o.dryRun });
          print(o.json, result, importText);
          if (result.issues.length > 0) process.exitCode = ERROR_CATALOGUE.import_invalid.exit;
        } finally {
          input.destroy();
        }
      }),
    );

  system
    .command('export <file>')
    .description('Write the AI systems to FILE (.xlsx or .csv), in the layout import reads')
    .option('--force', 'overwrite FILE when it exists')
    .option('--json', 'machine-readable output')
    .action((file: string, o: { force?: boolean; json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const format = extension(file, ['xlsx', 'csv']) as SheetFormat;
        const sheet = await services.aiSheets.export(ctx, format);
        const bytes = await saveFile(sheet, file, o.force);
        print(
          o.json,
          { file, format, rows: sheet.rowCount(), bytes },
          (w) => `Exported ${w.rows} AI system(s) to ${w.file}`,
        );
      }),
    );

  registerAiDocumentCommands(system);

  ai.command('register')
    .description('The public register of AI systems')
    .command('export <file>')
    .description('Write the public register (public, verified systems; public fields only) to FILE')
    .requiredOption('--format <format>', 'html, json or csv')
    .option('--force', 'overwrite FILE when it exists')
    .option('--json', 'machine-readable output')
    .action((file: string, o: { format: string; force?: boolean; json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        if (!['html', 'json', 'csv'].includes(o.format))
          throw errors.validation('--format: html, json or csv', [
            { path: '--format', message: 'html, json or csv' },
          ]);
        const register = await services.aiSheets.publicRegister(ctx, o.format as PublicFormat);
        const bytes = await saveFile(
          { stream: Readable.from([await bodyText(register.body)]) },
          file,
          o.force,
        );
        print(o.json, { file, format: o.format, bytes }, (w) => `Wrote the public register to ${w.file}`);
      }),
    );
}

function extension(file: string, allowed: readonly string[]): string {
  const ext = path.extname(file).slice(1).toLowerCase();
  if (!allowed.includes(ext))
    throw errors.validation(`FILE: name it ${allowed.map((a) => `.${a}`).join(' or ')}`, [
      { path: 'FILE', message: `use a ${allowed.join(' or ')} file name` },
    ]);
  return ext;
}

function systemText(s: AiSystem): string {
  return formatFields([
    ['Id', s.id],
    ['Name', s.name],
    ['Description', s.public_description],
    ['Purpose', s.purpose],
    ['Provider', s.provider],
    ['Models', s.models.map((m) => m.name).join(', ')],
    ['Lifecycle', s.lifecycle],
    ['Approval', s.approval_status],
    ['Tier', s.tier ?? 'unclassified'],
    ['Next review', s.next_review_date],
    ['DPIA', s.dpia_done ? (s.dpia_reference ?? 'yes') : 'no'],
    ['Public', s.public],
    ['Public fields', s.public ? s.public_fields.join(', ') || '(name only)' : null],
    ['Version', s.version],
  ]);
}

function importText(result: RowImportResult): string {
  const counts = `${result.created} added, ${result.updated} updated, ${result.unchanged} unchanged`;
  const lines = [
    result.dry_run
      ? `Dry run: checked ${result.rows} row(s): ${counts}. Nothing was written.`
      : `Imported ${result.rows} row(s): ${counts}.`,
  ];
  if (result.issues.length > 0) {
    lines.push(`${result.issues.length} problem(s); fix them and try again:`);
    for (const issue of result.issues) lines.push(`  ${describeProblem(issue)}`);
  }
  return lines.join('\n');
}

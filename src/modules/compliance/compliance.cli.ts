import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import type { Services } from '../../app/services.js';
import { collect, FlagNames, readAllPages, requireChanges, versionArg } from '../../cli/args.js';
import { openInput, saveFile } from '../../cli/files.js';
import { print, withServices } from '../../cli/output.js';
import { collectBytes } from '../../core/tabular/byte-source.js';
import { formatFields, formatTable } from '../../cli/table.js';
import { z } from 'zod';
import type { RequestContext } from '../../core/audit.js';
import { languageSchema } from '../frameworks/frameworks.schema.js';
import { OrgLookup } from '../org/org.lookup.js';
import {
  ASSESSMENT_STATUSES,
  assessmentCreateSchema,
  assessmentListQuerySchema,
  assessmentUpdateSchema,
  ORGANISATION,
  REQUIREMENT_STATUSES,
  requirementUpdateSchema,
  type AssessedRequirement,
  type AssessmentDetail,
  type AssessmentListItem,
  type AssessmentProgress,
  type EvidenceLink,
  type ProgressCounts,
} from './compliance.schema.js';

/* `custos compliance ...`: assessments against a framework of the library, offices by code, people by e-mail. */

const NONE = 'none';
const FLAGS = new FlagNames({
  framework_id: '--framework',
  office_id: '--office',
  owner_id: '--owner',
  title: '--title',
  status: '--status',
  not_applicable_reason: '--reason',
  notes: '--notes',
  evidence: '--link',
  risk_ids: '--risk',
  version: '--version',
});

interface SetOptions {
  status?: string;
  reason?: string;
  notes?: string;
  link?: string[];
  risk?: string[];
  version?: string;
  json?: boolean;
}

interface AssessmentOptions {
  framework?: string;
  title?: string;
  office?: string;
  owner?: string;
  status?: string;
  version?: string;
  json?: boolean;
}

export function registerComplianceCommands(program: Command): void {
  const compliance = program
    .command('compliance')
    .description('Compliance assessments against a framework of the library, overall or per office');

  compliance
    .command('list')
    .description('List the assessments with their progress, newest first, all pages')
    .option('--framework <id>', 'only assessments against this framework')
    .option('--office <code>', `only this office's assessments, or ${NONE} for organisation-wide ones`)
    .option('--status <status>', ASSESSMENT_STATUSES.join(', '))
    .option('--json', 'machine-readable output')
    .action((options: AssessmentOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const query = FLAGS.parse(assessmentListQuerySchema, {
          framework_id: options.framework,
          office_id: (await officeArg(services, ctx, options.office)) ?? (options.office && ORGANISATION),
          status: options.status,
        });
        const assessments = await readAllPages((cursor) =>
          services.compliance.list(ctx, { ...query, limit: 500, cursor }),
        );
        print(options.json, assessments, listTable);
      }),
    );

  compliance
    .command('create')
    .description('Start an assessment (the whole organisation unless --office is given)')
    .option('--framework <id>', 'the framework (see `custos frameworks list`)')
    .option('--title <text>', 'the title')
    .option('--office <code>', 'the office or HQ department assessed')
    .option('--owner <email>', 'the person who owns the assessment')
    .option('--json', 'print the assessment as JSON')
    .action((options: AssessmentOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const input = FLAGS.parse(assessmentCreateSchema, {
          framework_id: options.framework,
          title: options.title,
          office_id: (await officeArg(services, ctx, options.office)) ?? null,
          owner_id: await ownerArg(services, ctx, options.owner),
        });
        const created = await FLAGS.call(services.compliance.create(ctx, input));
        print(options.json, created, (a) => `Started assessment ${a.id} (${a.title})`);
      }),
    );

  compliance
    .command('update <id>')
    .description("Change an assessment's title, office, owner or status (completed, in_progress)")
    .option('--title <text>', 'the title')
    .option('--office <code>', `the office or HQ department assessed, or ${NONE} for the whole organisation`)
    .option('--owner <email>', `the owner, or ${NONE}`)
    .option('--status <status>', ASSESSMENT_STATUSES.join(', '))
    .option('--version <n>', 'the version you read: refuse the change if someone changed it since')
    .option('--json', 'print the assessment as JSON')
    .action((id: string, options: AssessmentOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const { json: _json, version: _version, ...given } = options;
        requireChanges(given, ['--title', '--office', '--owner', '--status']);
        const current = await services.compliance.get(ctx, id);
        const input = FLAGS.parse(assessmentUpdateSchema, {
          title: options.title,
          office_id: await officeArg(services, ctx, options.office),
          owner_id: await ownerArg(services, ctx, options.owner),
          status: options.status,
          version: versionArg(options.version, current.version),
        });
        const updated = await FLAGS.call(services.compliance.update(ctx, id, input));
        print(options.json, updated, (a) => `Updated assessment ${a.id} (${a.title}, ${a.status})`);
      }),
    );

  compliance
    .command('delete <id>')
    .description('Delete an assessment with every status and link given in it')
    .option('--version <n>', 'the version you read: refuse if someone changed it since')
    .action((id: string, options: { version?: string }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const current = await services.compliance.get(ctx, id);
        await services.compliance.remove(ctx, id, versionArg(options.version, current.version));
        process.stdout.write(`Deleted assessment ${id} (${current.title})\n`);
      }),
    );

  compliance
    .command('show <id>')
    .description("Show an assessment: every requirement's status, and the progress")
    .option('--json', 'machine-readable output')
    .action((id: string, options: { json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        print(options.json, await services.compliance.get(ctx, id), detailText);
      }),
    );

  compliance
    .command('set <id> <requirement>')
    .description('Assess a requirement: status, reason, notes, evidence links and risks')
    .option('--status <status>', REQUIREMENT_STATUSES.join(', '))
    .option('--reason <text>', 'why the requirement does not apply (required with not_applicable)')
    .option('--notes <text>', 'notes')
    .option(
      '--link <url-and-title>',
      `evidence: a web address, then its title ("https://… Data protection policy"); repeat for more; ${NONE} removes all`,
      collect,
    )
    .option('--risk <id>', `a risk of the risk register; repeat for more; ${NONE} removes all`, collect)
    .option('--version <n>', 'the version you read: refuse the change if someone changed it since')
    .option('--json', 'print the requirement as JSON')
    .action((id: string, requirementId: string, options: SetOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const { json: _json, version: _version, ...given } = options;
        requireChanges(given, ['--status', '--reason', '--notes', '--link', '--risk']);
        const current = (await services.compliance.get(ctx, id)).requirements.find(
          (r) => r.requirement_id === requirementId,
        );
        const input = FLAGS.parse(requirementUpdateSchema, {
          status: options.status,
          not_applicable_reason: options.reason,
          notes: options.notes,
          evidence: listArg(options.link)?.map(linkArg),
          risk_ids: listArg(options.risk),
          version: versionArg(options.version, current?.version ?? 0),
        });
        const updated = await FLAGS.call(services.compliance.setRequirement(ctx, id, requirementId, input));
        print(options.json, updated, (r) => `${r.reference}: ${r.status}`);
      }),
    );

  compliance
    .command('attach <id> <requirement> <file>')
    .description(
      "Upload a file as evidence for a requirement: stored in the file store and added to the requirement's evidence",
    )
    .option('--json', 'print the requirement as JSON')
    .action(
      (id: string, requirementId: string, file: string, options: { json?: boolean }, command: Command) =>
        withServices(command, async (services, ctx) => {
          const bytes = await collectBytes(await openInput(file), services.files.limitBytes);
          const updated = await services.compliance.addEvidenceFile(ctx, id, requirementId, {
            bytes,
            name: path.basename(file),
          });
          print(options.json, updated, (r) => {
            const added = r.evidence.findLast((e) => e.kind === 'file');
            return `${r.reference}: attached ${added?.kind === 'file' ? `${added.name} (${added.sha256})` : file}`;
          });
        }),
    );

  compliance
    .command('evidence <id> <requirement> <sha256>')
    .description('Save an evidence file uploaded for a requirement')
    .requiredOption('--out <file>', 'where to save the file')
    .option('--force', 'overwrite an existing file')
    .action(
      (
        id: string,
        requirementId: string,
        sha256: string,
        options: { out: string; force?: boolean },
        command: Command,
      ) =>
        withServices(command, async (services, ctx) => {
          const stored = await services.compliance.evidenceFile(ctx, id, requirementId, sha256);
          await saveFile({ stream: Readable.from([stored.content]) }, options.out, options.force);
          process.stdout.write(`Saved ${stored.name} as ${options.out}\n`);
        }),
    );

  compliance
    .command('progress <id>')
    .description('Progress overall and by theme: requirements by status and the score')
    .option('--lang <lang>', 'theme labels in en, fr or es', 'en')
    .option('--json', 'machine-readable output')
    .action((id: string, options: { lang: string; json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const lang = FLAGS.parse(langSchema, { lang: options.lang }).lang;
        print(options.json, await services.compliance.progress(ctx, id, lang), progressTable);
      }),
    );

  compliance
    .command('export <id>')
    .description('Save the assessment as an Excel workbook: requirements, and progress by theme')
    .requiredOption('--xlsx <file>', 'where to save the workbook')
    .action((id: string, options: { xlsx: string }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const file = await services.compliance.exportXlsx(ctx, id);
        fs.writeFileSync(options.xlsx, file.body);
        process.stdout.write(`Saved the assessment as ${options.xlsx}\n`);
      }),
    );
}

const langSchema = z.strictObject({ lang: languageSchema });

/** An office code, or `none` (null) for the whole organisation; undefined when not typed. */
async function officeArg(
  services: Services,
  ctx: RequestContext,
  code: string | undefined,
): Promise<string | null | undefined> {
  if (code === undefined) return undefined;
  if (code.trim().toLowerCase() === NONE) return null;
  return (await new OrgLookup(services, ctx).office(code, '--office')).id;
}

async function ownerArg(
  services: Services,
  ctx: RequestContext,
  email: string | undefined,
): Promise<string | null | undefined> {
  if (email === undefined) return undefined;
  if (email.trim().toLowerCase() === NONE) return null;
  return (await new OrgLookup(services, ctx).person(email)).id;
}

/** A repeatable option: undefined keeps the list, `none` empties it. */
function listArg(values: string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  return values.some((value) => value.trim().toLowerCase() === NONE) ? [] : values;
}

/** `https://… Title words`: the address, then its title (the address again when none is given). */
function linkArg(typed: string): EvidenceLink {
  const [url = '', ...title] = typed.trim().split(/\s+/);
  return { kind: 'url', url, title: title.join(' ') || url };
}

function countsCells(counts: ProgressCounts): (string | number)[] {
  return [
    counts.total,
    counts.met,
    counts.partial,
    counts.not_met,
    counts.not_applicable,
    counts.unassessed,
    counts.score === null ? '—' : `${counts.score}%`,
  ];
}

const COUNT_HEADERS = ['REQ', 'MET', 'PARTIAL', 'NOT MET', 'N/A', 'UNASSESSED', 'SCORE'];

function listTable(items: readonly AssessmentListItem[]): string {
  return formatTable(
    ['ID', 'TITLE', 'FRAMEWORK', 'SCOPE', 'STATUS', ...COUNT_HEADERS],
    items.map((a) => [
      a.id,
      a.title,
      a.framework_id,
      a.office_code ?? 'organisation',
      a.status,
      ...countsCells(a.progress),
    ]),
  );
}

function progressTable(progress: AssessmentProgress): string {
  return formatTable(
    ['THEME', ...COUNT_HEADERS],
    [
      ...progress.by_theme.filter((row) => row.total > 0).map((row) => [row.label, ...countsCells(row)]),
      ['Overall', ...countsCells(progress.overall)],
    ],
  );
}

function requirementLine(r: AssessedRequirement): string {
  const links = r.evidence.length + r.risk_ids.length;
  return `  ${r.reference.padEnd(14)} ${(r.status ?? 'unassessed').padEnd(15)} ${r.title}${links ? `  [${r.evidence.length} evidence, ${r.risk_ids.length} risks]` : ''}`;
}

function detailText(detail: AssessmentDetail): string {
  return [
    formatFields([
      ['Assessment', detail.title],
      ['Framework', `${detail.framework_title} (${detail.framework_id})`],
      ['Scope', detail.office_name ?? 'the whole organisation'],
      ['Owner', detail.owner_name ?? ''],
      ['Status', detail.status],
      ['Version', detail.version],
    ]),
    '',
    ...detail.requirements.map((r) => (r.group ? `${r.reference}  ${r.title}` : requirementLine(r))),
    '',
    progressTable(detail.progress),
  ].join('\n');
}

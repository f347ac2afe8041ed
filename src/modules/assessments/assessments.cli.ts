import fs from 'node:fs';
import type { Command } from 'commander';
import { versionArg } from '../../cli/args.js';
import { openInput } from '../../cli/files.js';
import { errors } from '../../core/errors.js';
import { collectBytes } from '../../core/tabular/byte-source.js';
import { print, withServices } from '../../cli/output.js';
import { formatFields, formatTable } from '../../cli/table.js';
import { LANGUAGES, type Language } from './assessment-template.js';
import { parseTemplateText, TEMPLATE_FILE_LIMIT } from './assessment-templates.data.js';
import type { AssessmentDetail, AssessmentSummary, TemplateSummary } from './assessments.schema.js';
import { ASSESSMENT_STATUSES } from './assessments.schema.js';

interface ExportOptions {
  docx?: string;
  pdf?: string;
  lang: string;
  revision?: string;
  force?: boolean;
  json?: boolean;
}

/** `custos assessment templates|list|show|export`: read assessments and save their reports. */
export function registerAssessmentCommands(program: Command): void {
  const assessment = program
    .command('assessment')
    .description(
      'Assessments: DPIA, AI impact, data sharing and AI vendor assessments with evidence and findings',
    );

  assessment
    .command('templates')
    .description('List the assessment templates (shipped and added by admins)')
    .option('--json', 'machine-readable output')
    .action((options: { json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        print(options.json, await services.assessmentTemplates.list(ctx), templateTable);
      }),
    );

  assessment
    .command('template-add <file>')
    .description(
      'Add an assessment template (admins) from a YAML or JSON file shaped like data/assessments/*.yaml',
    )
    .option('--json', 'machine-readable output')
    .action((file: string, options: { json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const text = (await collectBytes(await openInput(file), TEMPLATE_FILE_LIMIT)).toString('utf8');
        const added = await services.assessmentTemplates.add(ctx, parseTemplateText(text));
        print(options.json, added, (t) => `Added the template ${t.template.id}: ${t.template.title.en}`);
      }),
    );

  assessment
    .command('template-remove <id>')
    .description('Delete a template an admin added (assessments started from it keep their copy)')
    .option('--version <n>', 'the version you expect (default: the current one)')
    .action((id: string, options: { version?: string }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const current = await services.assessmentTemplates.get(ctx, id);
        await services.assessmentTemplates.remove(ctx, id, versionArg(options.version, current.version));
        process.stdout.write(`Deleted the template ${id}\n`);
      }),
    );

  assessment
    .command('list')
    .description('List assessments, most recently changed first')
    .option('--status <status>', `only this status (${ASSESSMENT_STATUSES.join(', ')})`)
    .option('--template <id>', 'only assessments from this template')
    .option('--json', 'machine-readable output')
    .action((options: { status?: string; template?: string; json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const status = options.status?.toLowerCase();
        if (status && !(ASSESSMENT_STATUSES as readonly string[]).includes(status))
          throw errors.validation(`--status: one of ${ASSESSMENT_STATUSES.join(', ')}`, [
            { path: '--status', message: 'unknown status' },
          ]);
        const items = await services.assessments.list(ctx, {
          status: status as AssessmentSummary['status'] | undefined,
          template_id: options.template,
        });
        print(options.json, items, assessmentTable);
      }),
    );

  assessment
    .command('show <id>')
    .description('Show an assessment: subject, status, progress, findings and evidence')
    .option('--json', 'machine-readable output (with the template, answers and versions)')
    .action((id: string, options: { json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        print(options.json, await services.assessments.get(ctx, id), assessmentDetail);
      }),
    );

  assessment
    .command('export <id>')
    .description('Save an assessment report as DOCX and/or PDF')
    .option('--docx <file>', 'save a Word document')
    .option('--pdf <file>', 'save a PDF document')
    .option('--lang <lang>', `report language (${LANGUAGES.join(', ')})`, 'en')
    .option('--revision <n>', 'a completed revision instead of the current state')
    .option('--force', 'overwrite existing files')
    .option('--json', 'print what was saved as JSON')
    .action((id: string, options: ExportOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const lang = options.lang.toLowerCase();
        if (!(LANGUAGES as readonly string[]).includes(lang))
          throw errors.validation(`--lang: one of ${LANGUAGES.join(', ')}`, [
            { path: '--lang', message: 'unknown language' },
          ]);
        const revision = options.revision === undefined ? undefined : Number(options.revision);
        if (revision !== undefined && !(Number.isInteger(revision) && revision >= 1))
          throw errors.validation('--revision: a whole number from 1', [
            { path: '--revision', message: 'not a revision number' },
          ]);
        const targets = (['docx', 'pdf'] as const).flatMap((format) =>
          options[format] ? [{ format, file: options[format] }] : [],
        );
        if (targets.length === 0)
          throw errors.validation('Give --docx FILE and/or --pdf FILE', [
            { path: '--docx', message: 'required' },
          ]);
        const saved: { format: string; file: string; bytes: number }[] = [];
        for (const { format, file } of targets) {
          const report = await services.assessments.exportReport(
            ctx,
            id,
            { lang: lang as Language, revision },
            format,
          );
          writeNew(file, report.content, options.force === true);
          saved.push({ format, file, bytes: report.content.length });
        }
        print(options.json, saved, (rows) =>
          rows.map((r) => `Saved the ${r.format.toUpperCase()} report as ${r.file}`).join('\n'),
        );
      }),
    );
}

function writeNew(file: string, content: Buffer, force: boolean): void {
  try {
    fs.writeFileSync(file, content, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST')
      throw errors.conflict(`${file} exists; give --force to overwrite it`, { file });
    throw error;
  }
}

function templateTable(items: TemplateSummary[]): string {
  return formatTable(
    ['ID', 'Title', 'Questions', 'Origin'],
    items.map((t) => [t.id, t.title.en, t.questions, t.origin]),
  );
}

function assessmentTable(items: AssessmentSummary[]): string {
  if (items.length === 0) return 'No assessments.';
  return formatTable(
    ['ID', 'Title', 'Template', 'Office', 'Status', 'Rev', 'Answered'],
    items.map((a) => [
      a.id,
      a.title,
      a.template_id,
      a.office_name,
      a.status,
      a.revision,
      `${a.answered}/${a.questions}`,
    ]),
  );
}

function assessmentDetail(a: AssessmentDetail): string {
  const fields = formatFields([
    ['Title', a.title],
    ['Template', a.template_title],
    ['Subject', `${a.subject_text ?? ''} (${a.subject_kind})`],
    ['Office', a.office_name],
    ['Status', a.status],
    ['Revision', a.revision],
    ['Answered', `${a.answered}/${a.questions}`],
    ['Completed', a.completed_at ? `${a.completed_at} by ${a.completed_by}` : null],
    ['Versions', a.versions.map((v) => v.revision).join(', ') || null],
  ]);
  const findings =
    a.findings.length === 0
      ? 'No findings.'
      : formatTable(
          ['Severity', 'Finding', 'Question', 'Risk'],
          a.findings.map((f) => [f.severity, f.title, f.question_id, f.risk_id]),
        );
  const evidence =
    a.evidence.length === 0
      ? 'No evidence.'
      : formatTable(
          ['Question', 'File', 'Type', 'Bytes', 'SHA-256'],
          a.evidence.map((e) => [e.owner_slot, e.name, e.type, e.size, e.sha256.slice(0, 16)]),
        );
  return `${fields}\n\nFindings\n${findings}\n\nEvidence\n${evidence}`;
}

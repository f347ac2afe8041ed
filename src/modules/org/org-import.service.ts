import type { RequestContext } from '../../core/audit.js';
import { isoDate } from '../../core/clock.js';
import { errors, isAppError, type FieldIssue } from '../../core/errors.js';
import { requirePermission, type Permission } from '../../core/permissions.js';
import type { ProgressCallback } from '../../core/progress.js';
import { inTransaction, type AuditWriter, type ServiceDeps } from '../../core/service-context.js';
import type { ByteInput } from '../../core/tabular/byte-source.js';
import type { AnyColumn } from '../../core/tabular/columns.js';
import type { TabularLimits } from '../../core/tabular/limits.js';
import { fileIssue, readImportFile } from '../../core/tabular/read-import.js';
import { OrgSheets } from './org-import.export.js';
import type { SpreadsheetFile } from '../../core/tabular/spreadsheet-file.js';
import { byRow, type FileColumns } from '../../core/tabular/file-columns.js';
import { officesImporter } from './org-import.offices.js';
import { peopleImporter } from './org-import.people.js';
import { type Importer, type OrgServices, type Planned } from './org-import.plan.js';
import type { ImportReport, OrgImportKind, SpreadsheetFormat } from './org-import.schema.js';
import type { BatchIssues } from './org.validation.js';

/** Who may import each kind: adding people, or changing the organisation's structure. */
export const IMPORT_PERMISSION: Record<OrgImportKind, Permission> = {
  people: 'people.import',
  offices: 'org.structure.write',
};

const READ_PERMISSION: Record<OrgImportKind, Permission> = { people: 'people.read', offices: 'org.read' };

export interface ImportOptions {
  /** Check every row and report what would change; write nothing. */
  dryRun?: boolean;
  /** Steps done: the rows checked, then the records written (the total grows when the writes are known). */
  onProgress?: ProgressCallback;
  /** Tighter limits for uploads, e.g. the server's upload size. */
  limits?: Partial<TabularLimits>;
}

/** What an import did (or, in a dry run, would do), with every problem of the file by row and column. */
export type ImportResult = Omit<ImportReport, 'issues'> & { issues: FieldIssue[] };

/**
 * The organisation as spreadsheets: people and offices imported from CSV or XLSX files, exported
 * in the same layout, and an empty template to fill in. An import checks every row first and
 * writes all of the file or nothing, through the people and office services (their rules and
 * their audit events, one per record changed); rows equal to what is stored write nothing.
 */
export class OrgImportService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly org: OrgServices,
  ) {}

  async import(
    ctx: RequestContext,
    kind: OrgImportKind,
    input: ByteInput,
    options: ImportOptions = {},
  ): Promise<ImportResult> {
    requirePermission(ctx.actor, IMPORT_PERMISSION[kind]);
    return kind === 'people'
      ? this.run(ctx, kind, peopleImporter(this.org), input, options)
      : this.run(ctx, kind, officesImporter(this.org), input, options);
  }

  /** The records in the caller's scope, in exactly the layout `import` reads. */
  async export(
    ctx: RequestContext,
    kind: OrgImportKind,
    format: SpreadsheetFormat,
  ): Promise<SpreadsheetFile> {
    requirePermission(ctx.actor, READ_PERMISSION[kind]);
    const today = isoDate(this.deps.clock.now());
    return new OrgSheets(this.org, ctx).export(kind, format, `custos-${kind}-${today}`);
  }

  /** An empty XLSX to fill in: headers, drop-downs (offices or regions in scope, roles, yes/no), instructions. */
  async template(ctx: RequestContext, kind: OrgImportKind): Promise<SpreadsheetFile> {
    requirePermission(ctx.actor, READ_PERMISSION[kind]);
    return new OrgSheets(this.org, ctx).template(kind, `custos-${kind}-template`);
  }

  private async run<Cs extends readonly AnyColumn[], C, U>(
    ctx: RequestContext,
    kind: OrgImportKind,
    importer: Importer<Cs, C, U>,
    input: ByteInput,
    options: ImportOptions,
  ): Promise<ImportResult> {
    const dryRun = options.dryRun ?? false;
    const progress = options.onProgress;
    const { validation, columns, missingRequired } = await readImportFile(
      input,
      importer.spec,
      options.limits,
    );
    const report: ImportResult = {
      kind,
      dry_run: dryRun,
      rows: validation.rowsRead,
      created: 0,
      updated: 0,
      unchanged: 0,
      issues: [],
    };
    if (missingRequired) {
      if (dryRun) return { ...report, issues: validation.issues };
      throw errors.importInvalid(validation.issues);
    }

    let planned = 0;
    const plan = await importer.plan(ctx, validation.valid, validation.rowNumbers, columns, () =>
      progress?.(++planned, validation.valid.length, 'check'),
    );
    const batch = { creates: plan.creates.map((p) => p.value), updates: plan.updates.map((p) => p.value) };
    const locate = (found: BatchIssues) => [
      ...found.creates.map((issue) => this.locate(issue, plan.creates, importer, columns)),
      ...found.updates.map((issue) => this.locate(issue, plan.updates, importer, columns)),
    ];
    const fileIssues = [...validation.issues, ...plan.issues];

    if (dryRun || fileIssues.length > 0) {
      const issues = byRow([...fileIssues, ...locate(await importer.check(this.deps.db.kysely, ctx, batch))]);
      if (!dryRun) throw errors.importInvalid(issues);
      const bad = new Set(issues.map((issue) => issue.row));
      const fine = (list: Planned<unknown>[]) => list.filter((p) => !bad.has(p.row)).length;
      return {
        ...report,
        created: fine(plan.creates),
        updated: fine(plan.updates),
        unchanged: plan.unchanged,
        issues,
      };
    }

    const total = batch.creates.length + batch.updates.length;
    if (total > 0)
      await inTransaction(this.deps, ctx, async (trx, audit) => {
        const issues = byRow(locate(await importer.check(trx, ctx, batch)));
        if (issues.length > 0) throw errors.importInvalid(issues);
        let written = 0;
        const counted: AuditWriter = async (event) => {
          await audit(event);
          progress?.(++written, total, 'write');
        };
        await this.relocated(
          importer.create(trx, counted, ctx, batch.creates),
          plan.creates,
          importer,
          columns,
        );
        await this.relocated(
          importer.update(trx, counted, ctx, batch.updates),
          plan.updates,
          importer,
          columns,
        );
      });
    return {
      ...report,
      created: batch.creates.length,
      updated: batch.updates.length,
      unchanged: plan.unchanged,
    };
  }

  /** A service problem (row = position in its batch, path = field) as a problem of the file's row and column. */
  private locate<Cs extends readonly AnyColumn[], C, U>(
    issue: FieldIssue,
    planned: readonly Planned<unknown>[],
    importer: Importer<Cs, C, U>,
    columns: FileColumns,
  ): FieldIssue {
    return fileIssue(
      issue,
      planned.map((p) => p.row),
      columns,
      (field) => importer.columnOf(field),
    );
  }

  /** The services check again as they write; a record changed meanwhile is still reported by its sheet row. */
  private async relocated<Cs extends readonly AnyColumn[], C, U>(
    work: Promise<unknown>,
    planned: readonly Planned<unknown>[],
    importer: Importer<Cs, C, U>,
    columns: FileColumns,
  ): Promise<void> {
    try {
      await work;
    } catch (error) {
      if (!isAppError(error) || error.code !== 'import_invalid') throw error;
      const issues = (error.details as { issues?: FieldIssue[] } | undefined)?.issues ?? [];
      throw errors.importInvalid(issues.map((issue) => this.locate(issue, planned, importer, columns)));
    }
  }
}

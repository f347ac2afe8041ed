import type { Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import { isoDate } from '../../core/clock.js';
import { requirePermission } from '../../core/permissions.js';
import type { AuditWriter, ServiceDeps } from '../../core/service-context.js';
import type { ByteInput } from '../../core/tabular/byte-source.js';
import type { FileColumns } from '../../core/tabular/file-columns.js';
import {
  importRows,
  rowProblem,
  type RowImportOptions,
  type RowImportResult,
  type RowOutcome,
} from '../../core/tabular/import-rows.js';
import { spreadsheetFile, templateFile, type SpreadsheetFile } from '../../core/tabular/spreadsheet-file.js';
import type { Database } from '../../db/schema.js';
import { NO_LINKS, presentRisk } from './risk.present.js';
import { RiskRepository } from './risk.repository.js';
import type { RiskCreate, RiskUpdate } from './risk.schema.js';
import type { RiskService } from './risk.service.js';
import { RISKS_TABLE, type RisksSheetRow } from './risk.spec.js';

export type SheetFormat = 'xlsx' | 'csv';

/** Where a service field is read from in the sheet (references by code or e-mail). */
const COLUMN_OF: Record<string, string> = {
  office_id: 'office_code',
  department_id: 'department_code',
  owner_person_id: 'owner_email',
  proposer_person_id: 'proposer_email',
  office_ids: 'office_codes',
};

/** Columns copied as they are into the service's input; an empty cell clears them. */
const PLAIN = [
  'title',
  'category',
  'description',
  'cause',
  'consequence',
  'inherent_likelihood',
  'inherent_impact',
  'existing_controls',
  'residual_likelihood',
  'residual_impact',
  'treatment',
  'next_review_date',
  'asset_ids',
  'ai_system_ids',
  'usage_app_ids',
] as const;
const LISTS = new Set<string>(['asset_ids', 'ai_system_ids', 'usage_app_ids']);

/**
 * The risk register as spreadsheets: template, export (the layout the import reads) and import (all
 * rows or none, every problem by row and column, through RiskService's rules and audit).
 */
export class RiskSheets {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly risks: RiskService,
  ) {}

  template(ctx: RequestContext): SpreadsheetFile {
    requirePermission(ctx.actor, 'risk.read');
    return templateFile(RISKS_TABLE, 'custos-risks-template');
  }

  /** Every risk in the caller's scope, in the layout the import reads. */
  async export(ctx: RequestContext, format: SheetFormat): Promise<SpreadsheetFile> {
    requirePermission(ctx.actor, 'risk.read');
    const repo = new RiskRepository(this.deps.db.kysely);
    const rows = await this.risks.all(repo, this.risks.filter(ctx.actor, {}));
    const links = await repo.links(rows.map((row) => row.id));
    const [offices, departments, emails] = [
      await repo.officeCodes(),
      await repo.departmentCodes(),
      await repo.peopleEmails(),
    ];
    const today = isoDate(this.deps.clock.now());
    const sheetRows = rows.map((row): RisksSheetRow => {
      const risk = presentRisk(row, links.get(row.id) ?? NO_LINKS, today);
      const optional = <T>(value: T | null) => value ?? undefined;
      return {
        id: risk.id,
        title: risk.title,
        category: risk.category,
        office_code: offices.get(risk.office_id) ?? '',
        department_code: risk.department_id ? departments.get(risk.department_id) : undefined,
        owner_email: risk.owner_person_id ? emails.get(risk.owner_person_id) : undefined,
        proposer_email: risk.proposer_person_id ? emails.get(risk.proposer_person_id) : undefined,
        description: optional(risk.description),
        cause: optional(risk.cause),
        consequence: optional(risk.consequence),
        inherent_likelihood: risk.inherent_likelihood,
        inherent_impact: risk.inherent_impact,
        existing_controls: optional(risk.existing_controls),
        residual_likelihood: optional(risk.residual_likelihood),
        residual_impact: optional(risk.residual_impact),
        treatment: optional(risk.treatment),
        status: risk.status,
        next_review_date: optional(risk.next_review_date),
        asset_ids: risk.asset_ids,
        ai_system_ids: risk.ai_system_ids,
        usage_app_ids: risk.usage_app_ids,
        office_codes: risk.office_ids.map((id) => offices.get(id) ?? id),
        level: risk.level,
        acceptance_expires_on: optional(risk.acceptance_expires_on),
      };
    });
    return spreadsheetFile(RISKS_TABLE, sheetRows, format, `custos-risks-${today}`);
  }

  /**
   * Import rows: with an id, a change to that risk (columns the file lacks keep their values);
   * without, a new risk. Every row goes through the service's rules in one transaction; any problem
   * rolls all back (422 import_invalid). A dry run reports the same and writes nothing.
   */
  async import(
    ctx: RequestContext,
    input: ByteInput,
    options: RowImportOptions = {},
  ): Promise<RowImportResult> {
    requirePermission(ctx.actor, 'risk.write');
    return importRows(
      this.deps,
      ctx,
      input,
      RISKS_TABLE,
      {
        columnOf: COLUMN_OF,
        write: (trx, audit, row, columns) => this.importRow(ctx, trx, audit, row, columns),
      },
      options,
    );
  }

  /** One row through the service: with an id a change (unchanged when the version stays), else a new risk. */
  private async importRow(
    ctx: RequestContext,
    trx: Transaction<Database>,
    audit: AuditWriter,
    sheetRow: RisksSheetRow,
    columns: FileColumns,
  ): Promise<RowOutcome> {
    const repo = new RiskRepository(trx);
    const stored = sheetRow.id === undefined ? undefined : await repo.findById(sheetRow.id);
    const fields = await this.fields(repo, sheetRow, columns, stored?.status);
    if (sheetRow.id === undefined) {
      await this.risks.createIn(trx, audit, ctx, fields as RiskCreate);
      return 'created';
    }
    const version = stored?.version ?? 1;
    const after = await this.risks.updateIn(trx, audit, ctx, sheetRow.id, {
      ...fields,
      version,
    } as RiskUpdate);
    return after.version === version ? 'unchanged' : 'updated';
  }

  /** A sheet row's references resolved to ids, and its plain columns; only columns the file has. */
  private async fields(
    repo: RiskRepository,
    row: RisksSheetRow,
    header: FileColumns,
    storedStatus: string | undefined,
  ): Promise<Partial<RiskCreate>> {
    const fields: Record<string, unknown> = {};
    const officeId = async (code: string, key: string) =>
      (await repo.officeByCode(code))?.id ?? rowProblem(key, `office ${code} was not found`);
    if (header.has('office_code')) {
      fields.office_id = await officeId(row.office_code, 'office_code');
      if (header.has('department_code'))
        fields.department_id =
          row.department_code === undefined
            ? null
            : ((await repo.departmentByCode(fields.office_id as string, row.department_code))?.id ??
              rowProblem(
                'department_code',
                `office ${row.office_code} has no department ${row.department_code}`,
              ));
    }
    for (const [key, field] of [
      ['owner_email', 'owner_person_id'],
      ['proposer_email', 'proposer_person_id'],
    ] as const) {
      if (!header.has(key)) continue;
      const email = row[key];
      fields[field] =
        email === undefined
          ? null
          : ((await repo.personByEmail(email))?.id ??
            rowProblem(key, `${email} is not a person of the organisation`));
    }
    if (header.has('office_codes'))
      fields.office_ids = await Promise.all(
        (row.office_codes ?? []).map((code) => officeId(code.toUpperCase(), 'office_codes')),
      );
    for (const key of PLAIN) {
      if (!header.has(key)) continue;
      const value = (row as Record<string, unknown>)[key];
      fields[key] = value === undefined ? (LISTS.has(key) ? [] : null) : value;
    }
    if (header.has('status') && row.status !== undefined) {
      // `accepted` comes only from a sign-off: an accepted risk keeps it, any other may not take it.
      if (row.status !== 'accepted') fields.status = row.status;
      else if (storedStatus !== 'accepted')
        rowProblem('status', 'a risk is accepted through a sign-off in Custos, not by import');
    }
    return fields as Partial<RiskCreate>;
  }
}

import { Readable } from 'node:stream';
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
import { spreadsheetFile, type SpreadsheetFile } from '../../core/tabular/spreadsheet-file.js';
import type { Database } from '../../db/schema.js';
import { presentAiSystem } from './ai-system.present.js';
import {
  isPublishable,
  publicCsv,
  publicHtml,
  publicJson,
  publicRecord,
  type PublicRecord,
} from './ai-system.public.js';
import { AiSystemRepository } from './ai-system.repository.js';
import type { AiSystemCreate, AiSystemUpdate } from './ai-system.schema.js';
import { AI_SYSTEM_DATA_COLUMNS, type AiSystemService } from './ai-system.service.js';
import { AI_SYSTEMS_TABLE, type AiSystemsSheetRow } from './ai-system.spec.js';

export type SheetFormat = 'xlsx' | 'csv';
export type PublicFormat = 'json' | 'csv' | 'html';

/** Where a service field is read from in the sheet. */
const COLUMN_OF: Record<string, string> = {
  office_id: 'office_code',
  department_id: 'department_code',
  business_owner_id: 'business_owner_email',
  technical_owner_id: 'technical_owner_email',
};

/** Sheet columns copied as they are into the service's input ('' or [] clears); the rest are references. */
const PLAIN_COLUMNS = AI_SYSTEM_DATA_COLUMNS.filter(
  (column): column is Exclude<(typeof AI_SYSTEM_DATA_COLUMNS)[number], keyof typeof COLUMN_OF | 'name'> =>
    column !== 'name' && !(column in COLUMN_OF),
);

/** The value an empty cell of a present column stands for. */
const CLEARED: Partial<Record<string, unknown>> = {
  models: [],
  affected_people: [],
  usage_app_ids: [],
  data_asset_ids: [],
  languages: [],
  countries: [],
  personal_data: false,
  dpia_done: false,
  public: false,
  public_fields: [],
};

/**
 * The AI systems register as files: the spreadsheet export and import (all rows or none, every
 * problem by row and column, through AiSystemService's rules and audit), and the public register.
 */
export class AiSystemSheets {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly systems: AiSystemService,
  ) {}

  /** Every system in the caller's scope, in the layout the import reads. */
  async export(ctx: RequestContext, format: SheetFormat): Promise<SpreadsheetFile> {
    requirePermission(ctx.actor, 'ai.read');
    const repo = new AiSystemRepository(this.deps.db.kysely);
    const rows = await this.systems.all(repo, this.systems.filter(ctx.actor, {}));
    const [offices, departments, emails] = [
      await repo.officeNames(),
      await repo.departmentNames(),
      await repo.peopleEmails(),
    ];
    const sheetRows = rows.map((row): AiSystemsSheetRow => {
      const system = presentAiSystem(row);
      return {
        ...system,
        office_code: offices.get(system.office_id)?.code ?? '',
        department_code: system.department_id ? departments.get(system.department_id)?.code : undefined,
        business_owner_email: system.business_owner_id ? emails.get(system.business_owner_id) : undefined,
        technical_owner_email: system.technical_owner_id ? emails.get(system.technical_owner_id) : undefined,
        deployment: system.deployment ?? undefined,
        tier: system.tier ?? undefined,
      } as AiSystemsSheetRow;
    });
    return spreadsheetFile(
      AI_SYSTEMS_TABLE,
      sheetRows,
      format,
      `custos-ai-systems-${isoDate(this.deps.clock.now())}`,
    );
  }

  /**
   * Import rows: with an id, a change to that system (columns the file lacks keep their values);
   * without, a new system. Every row goes through the service's rules in one transaction; any
   * problem rolls all back (422 import_invalid). A dry run reports the same and writes nothing.
   */
  async import(
    ctx: RequestContext,
    input: ByteInput,
    options: RowImportOptions = {},
  ): Promise<RowImportResult> {
    requirePermission(ctx.actor, 'ai.write');
    return importRows(
      this.deps,
      ctx,
      input,
      AI_SYSTEMS_TABLE,
      {
        columnOf: COLUMN_OF,
        write: (trx, audit, row, columns) => this.importRow(ctx, trx, audit, row, columns),
      },
      options,
    );
  }

  /** One row through the service: with an id a change (unchanged when the version stays), else a new system. */
  private async importRow(
    ctx: RequestContext,
    trx: Transaction<Database>,
    audit: AuditWriter,
    sheetRow: AiSystemsSheetRow,
    columns: FileColumns,
  ): Promise<RowOutcome> {
    const repo = new AiSystemRepository(trx);
    const fields = await this.fields(repo, sheetRow, columns);
    if (sheetRow.id === undefined) {
      await this.systems.createIn(repo, audit, ctx, {
        ...fields,
        name: sheetRow.name,
        office_id: fields.office_id ?? '',
      } as AiSystemCreate);
      return 'created';
    }
    const before = await repo.findById(sheetRow.id);
    const version = before?.version ?? 1;
    const after = await this.systems.updateIn(repo, audit, ctx, sheetRow.id, {
      ...fields,
      name: sheetRow.name,
      version,
    } as AiSystemUpdate);
    return after.version === version ? 'unchanged' : 'updated';
  }

  /** The public register: systems marked public with a verified classification, public fields only. */
  async publicRegister(
    ctx: RequestContext,
    format: PublicFormat,
  ): Promise<{ contentType: string; filename: string; body: string | Readable }> {
    requirePermission(ctx.actor, 'ai.read');
    const repo = new AiSystemRepository(this.deps.db.kysely);
    const rows = await this.systems.all(repo, { ...this.systems.filter(ctx.actor, {}), publicOnly: true });
    const [offices, departments] = [await repo.officeNames(), await repo.departmentNames()];
    const systems = rows.map(presentAiSystem).filter(isPublishable);
    const people = await repo.peopleNames(
      systems.flatMap((s) => [s.business_owner_id, s.technical_owner_id].filter((id) => id !== null)),
    );
    const assets = await repo.assetNames(systems.flatMap((s) => s.data_asset_ids));
    const name = (names: ReadonlyMap<string, string>, id: string | null) =>
      id === null ? null : (names.get(id) ?? null);
    const records: PublicRecord[] = systems.map((system) =>
      publicRecord(system, {
        office: offices.get(system.office_id)?.name ?? '',
        department: system.department_id ? (departments.get(system.department_id)?.name ?? null) : null,
        business_owner: name(people, system.business_owner_id),
        technical_owner: name(people, system.technical_owner_id),
        data_assets: system.data_asset_ids.flatMap((id) => assets.get(id) ?? []),
      }),
    );
    const today = isoDate(this.deps.clock.now());
    const filename = `ai-systems-register-${today}.${format}`;
    if (format === 'json')
      return { contentType: 'application/json; charset=utf-8', filename, body: publicJson(records, today) };
    if (format === 'csv')
      return { contentType: 'text/csv; charset=utf-8', filename, body: publicCsv(records) };
    return { contentType: 'text/html; charset=utf-8', filename, body: publicHtml(records, today) };
  }

  /** A sheet row's references resolved to ids, and its plain columns; only columns the file has. */
  private async fields(
    repo: AiSystemRepository,
    row: AiSystemsSheetRow,
    header: FileColumns,
  ): Promise<Partial<AiSystemCreate>> {
    const fields: Record<string, unknown> = {};
    if (header.has('office_code')) {
      const office = await repo.officeByCode(row.office_code);
      if (!office) rowProblem('office_code', `office ${row.office_code} was not found`);
      fields.office_id = office.id;
      if (header.has('department_code')) {
        if (row.department_code === undefined) fields.department_id = null;
        else {
          const department = await repo.departmentByCode(office.id, row.department_code);
          if (!department)
            rowProblem(
              'department_code',
              `office ${row.office_code} has no department ${row.department_code}`,
            );
          fields.department_id = department.id;
        }
      }
    }
    for (const [key, field] of [
      ['business_owner_email', 'business_owner_id'],
      ['technical_owner_email', 'technical_owner_id'],
    ] as const) {
      if (!header.has(key)) continue;
      const email = row[key];
      if (email === undefined) fields[field] = null;
      else {
        const person = await repo.personByEmail(email);
        if (!person) rowProblem(key, `${email} is not a person of the organisation`);
        fields[field] = person.id;
      }
    }
    for (const key of PLAIN_COLUMNS) {
      if (!header.has(key)) continue;
      const value = (row as Record<string, unknown>)[key];
      fields[key] = value === undefined ? (CLEARED[key] ?? null) : value;
    }
    return fields as Partial<AiSystemCreate>;
  }
}

/** A file body as text (the CLI writes it; tests read it). */
export async function bodyText(body: string | Readable): Promise<string> {
  if (typeof body === 'string') return body;
  const chunks: Buffer[] = [];
  for await (const chunk of Readable.from(body)) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

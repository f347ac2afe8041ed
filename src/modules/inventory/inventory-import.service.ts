import type { RequestContext } from '../../core/audit.js';
import { isoDate } from '../../core/clock.js';
import { errors, isAppError, type FieldIssue } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { requirePermission } from '../../core/permissions.js';
import type { ProgressCallback } from '../../core/progress.js';
import { inBulkTransaction, type AuditWriter, type ServiceDeps } from '../../core/service-context.js';
import type { ByteInput } from '../../core/tabular/byte-source.js';
import { byRow } from '../../core/tabular/file-columns.js';
import type { TabularLimits } from '../../core/tabular/limits.js';
import { fileIssue, readImportFile } from '../../core/tabular/read-import.js';
import type { SpreadsheetFormat } from '../../core/tabular/sniff.js';
import {
  collectAll,
  eachItem,
  spreadsheetFile,
  templateFile,
  type SpreadsheetFile,
} from '../../core/tabular/spreadsheet-file.js';
import type { Asset } from './asset.schema.js';
import { dcatCatalogue, type DcatFile } from './inventory-dcat.js';
import {
  assetAsRow,
  columnOfField,
  InventoryRowResolver,
  type ExportNames,
  type InventoryImportServices,
} from './inventory-import.rows.js';
import type { InventoryImportReport } from './inventory-import.schema.js';
import { INVENTORY_TABLE, inventoryTable, type InventoryRow } from './inventory-import.spec.js';

export interface InventoryImportOptions {
  /** Check every row and report what would change; write nothing. */
  dryRun?: boolean;
  /** Steps done: the rows resolved, then the rows checked or written. */
  onProgress?: ProgressCallback;
  /** Tighter limits for uploads, e.g. the server's upload size. */
  limits?: Partial<TabularLimits>;
}

/** What an import did (or, in a dry run, would do), with every problem of the file by row and column. */
export type InventoryImportResult = Omit<InventoryImportReport, 'issues'> & { issues: FieldIssue[] };

const PAGE = 500;
const IMPORT_ENTITY = 'asset_import';

/**
 * The data inventory as spreadsheets (and as a public DCAT catalogue): assets imported from CSV or
 * XLSX files, exported in the same layout, and an empty template to fill in. An import checks every
 * row first and writes all of the file or nothing through the asset service's bulk upsert (its rules
 * and one audit event per asset changed) plus one summary event; rows equal to what is stored write
 * nothing, so importing an export changes nothing.
 */
export class InventoryImportService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly services: InventoryImportServices,
  ) {}

  async import(
    ctx: RequestContext,
    input: ByteInput,
    options: InventoryImportOptions = {},
  ): Promise<InventoryImportResult> {
    requirePermission(ctx.actor, 'inventory.write');
    const dryRun = options.dryRun ?? false;
    const progress = options.onProgress;
    const { validation, columns, missingRequired } = await readImportFile(
      input,
      INVENTORY_TABLE,
      options.limits,
    );
    const report: InventoryImportResult = {
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

    const total = validation.valid.length;
    let checked = 0;
    const resolver = new InventoryRowResolver(this.services, ctx, columns);
    const resolved = await resolver.resolve(validation.valid, validation.rowNumbers, () =>
      progress?.(++checked, total, 'check'),
    );
    const locate = (issues: readonly FieldIssue[]) =>
      issues.map((issue) => fileIssue(issue, resolved.rowNumbers, columns, columnOfField));
    const fileIssues = [...validation.issues, ...resolved.issues];

    if (dryRun || fileIssues.length > 0) {
      const checked = await this.services.assets.checkUpsertMany(ctx, resolved.inputs);
      const issues = byRow([...fileIssues, ...locate(checked.issues)]);
      if (!dryRun) throw errors.importInvalid(issues);
      const bad = new Set(issues.map((issue) => issue.row));
      const count = (action: string) =>
        checked.actions.filter((a, i) => a === action && !bad.has(resolved.rowNumbers[i])).length;
      return {
        ...report,
        created: count('created'),
        updated: count('updated'),
        unchanged: count('unchanged'),
        issues,
      };
    }

    let stored = 0;
    const outcomes = await inBulkTransaction(this.deps, ctx, async (trx, audit) => {
      const counted: AuditWriter = async (event) => {
        await audit(event);
        progress?.(++stored, total, 'write');
      };
      let written;
      try {
        written = await this.services.assets.upsertManyIn(trx, counted, ctx, resolved.inputs);
      } catch (error) {
        if (!isAppError(error) || error.code !== 'import_invalid') throw error;
        // Changed by someone else since the plan: still reported by sheet row and column.
        const issues = (error.details as { issues?: FieldIssue[] } | undefined)?.issues ?? [];
        throw errors.importInvalid(byRow(locate(issues)));
      }
      const summary = {
        rows: report.rows,
        created: written.filter((o) => o.action === 'created').length,
        updated: written.filter((o) => o.action === 'updated').length,
        unchanged: written.filter((o) => o.action === 'unchanged').length,
      };
      await audit({ action: 'import', entityType: IMPORT_ENTITY, entityId: newId(), after: summary });
      return summary;
    });
    progress?.(total, total, 'write'); // unchanged rows write nothing
    return { ...report, ...outcomes };
  }

  /** The assets in the caller's scope, in exactly the layout `import` reads, streamed page by page. */
  async export(ctx: RequestContext, format: SpreadsheetFormat): Promise<SpreadsheetFile> {
    requirePermission(ctx.actor, 'inventory.read');
    const names = await this.names(ctx);
    const assets = this.services.assets;
    const pages = this.pages(ctx);
    async function* rows(): AsyncGenerator<InventoryRow> {
      for await (const page of pages) {
        const missing = page
          .flatMap((a) => [a.data_owner_id, a.data_custodian_id, a.data_steward_id, a.focal_point_id])
          .filter((id): id is string => id !== null && !names.email.has(id));
        if (missing.length > 0)
          for (const [id, email] of await assets.peopleEmails(ctx, missing)) names.email.set(id, email);
        for (const asset of page) yield assetAsRow(asset, names);
      }
    }
    const spec = inventoryTable({ officeCodes: [...names.officeCode.values()].sort() });
    return spreadsheetFile(spec, rows(), format, `custos-inventory-${this.today()}`);
  }

  /** An empty XLSX to fill in: headers, drop-downs (offices in scope, labels, types, yes/no), instructions. */
  async template(ctx: RequestContext): Promise<SpreadsheetFile> {
    requirePermission(ctx.actor, 'inventory.read');
    const officeCodes = (await this.offices(ctx)).map((office) => office.code);
    return templateFile(inventoryTable({ officeCodes }), 'custos-inventory-template');
  }

  /** The metadata that may be public, as a DCAT-AP JSON-LD catalogue (see inventory-dcat.ts). */
  async dcat(ctx: RequestContext, baseUrl: string): Promise<DcatFile> {
    requirePermission(ctx.actor, 'inventory.read');
    const offices = new Map((await this.offices(ctx)).map((office) => [office.id, office]));
    return dcatCatalogue(this.pages(ctx), offices, { baseUrl, issued: this.today() });
  }

  /** Every asset in the caller's scope, a page at a time, by name. */
  private async *pages(ctx: RequestContext): AsyncGenerator<Asset[]> {
    let cursor: string | undefined;
    do {
      const page = await this.services.assets.list(ctx, { sort: 'name', limit: PAGE, cursor });
      yield page.items;
      cursor = page.next_cursor ?? undefined;
    } while (cursor !== undefined);
  }

  private async names(ctx: RequestContext): Promise<ExportNames & { email: Map<string, string> }> {
    const offices = await this.offices(ctx);
    const departments = await collectAll(
      eachItem((cursor) => this.services.departments.list(ctx, { limit: PAGE, cursor })),
    );
    return {
      officeCode: new Map(offices.map((office) => [office.id, office.code])),
      departmentCode: new Map(departments.map((department) => [department.id, department.code])),
      email: new Map(),
    };
  }

  private offices(ctx: RequestContext) {
    return collectAll(
      eachItem((cursor) => this.services.offices.list(ctx, { sort: 'code', limit: PAGE, cursor })),
    );
  }

  private today(): string {
    return isoDate(this.deps.clock.now());
  }
}

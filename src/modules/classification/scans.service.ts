import fs from 'node:fs';
import type { Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import { isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { inScope, requirePermission, type Actor } from '../../core/permissions.js';
import { inTransaction, throwStale, type AuditWriter, type ServiceDeps } from '../../core/service-context.js';
import type { Database } from '../../db/schema.js';
import type { AssetService } from '../inventory/asset.service.js';
import type { Asset, AssetCreate } from '../inventory/asset.schema.js';
import type { JobRunner } from '../jobs/job-runner.js';
import type { JobContext, JobService } from '../jobs/jobs.service.js';
import type { OfficeService } from '../org/office.service.js';
import { labelRank, loadLabelPolicy } from './label-policy.js';
import type { LabelPolicy } from './label-policy.schema.js';
import { confirmLabel } from './label-proposal.js';
import type { ScanReport, ScanRunner, ScanSource } from './scan-report.js';
import {
  ScanRepository,
  type ScanDatasetListRow,
  type ScanDatasetRow,
  type ScanListRow,
} from './scans.repository.js';
import {
  ASSET_LABELS,
  type LabelConfirm,
  type Sampling,
  type ScanDataset,
  type ScanDetail,
  type ScanListQuery,
  type ScanSourceDescription,
  type ScanSummary,
} from './sensitive-data.schema.js';
import { redactDatabaseUrl } from './source-description.js';

export const SCAN_ENTITY = 'scan';
export const SCAN_DATASET_ENTITY = 'scan_dataset';
export const SCAN_JOB_KIND = 'scan';
export const DEFAULT_SAMPLE = 1000;
const LIST_LIMIT = 200;

/** A file to scan: where the upload was saved and the name the person gave it. */
export interface UploadedSource {
  path: string;
  name: string;
}

export type ScanInput = (
  { kind: 'files'; files: readonly UploadedSource[]; uploadDir: string } | { kind: 'database'; url: string }
) & { office_id?: string; sampling: Sampling };

/** What `importReport` stores: the sources as people see them, and whether to link or register assets. */
export interface ImportInput {
  sources: ScanSourceDescription[];
  office_id?: string;
  sampling: Sampling;
  /** Link each dataset to its asset of `office_id`, registering an unlabelled one when it has none. */
  register?: boolean;
}

/**
 * The asset a dataset of an imported scan was linked to: `linked` (an asset it already had),
 * `registered` (new, unlabelled) or `ambiguous` (several assets of the office bear its name: none is
 * chosen, the person picks one when confirming).
 */
export interface DatasetAssetLink {
  position: number;
  source: string;
  asset_id: string | null;
  asset_name: string | null;
  link: 'linked' | 'registered' | 'ambiguous';
  /** The label the asset carries now (null: none yet); the scan's proposal is not written into it. */
  label: string | null;
}

export interface ImportedScan {
  scan_id: string;
  job_id: string;
  /** With `register`: one entry per dataset, in report order. */
  assets?: DatasetAssetLink[];
}

interface ScanJobParams {
  scan_id: string;
  files: UploadedSource[] | null;
  upload_dir: string | null;
  sampling: Sampling;
}

function removeDir(dir: string | null): Promise<void> {
  return dir ? fs.promises.rm(dir, { recursive: true, force: true }) : Promise.resolve();
}

/**
 * Sensitive-data scans as jobs, their stored results and the label decisions on them.
 * 'classification.read' lists and shows scans of the caller's offices (and the caller's own);
 * 'classification.scan' starts one (uploaded files; a database URL needs 'system.admin' too) or
 * stores one made elsewhere (`importReport`; linking or registering its assets needs 'inventory.write');
 * 'classification.label' confirms or overrides a dataset's label, written to an inventory asset with
 * the inventory's own rules (scope, custodians only their own assets, version → 409).
 * Uploaded files live in a temporary folder removed when the job ends; a database URL's password is
 * kept in this process's memory only, so such jobs run in this process and never store it.
 */
export class ScanService {
  private scanner: ScanRunner;
  private readonly secrets = new Map<string, string>();
  private policyCache: LabelPolicy | null = null;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly others: {
      jobs: JobService;
      runner: JobRunner;
      assets: AssetService;
      offices: OfficeService;
      /** The file and database scanner (scan.ts); tests may answer with a stand-in (useScanner). */
      scanner: ScanRunner;
      policy?: () => LabelPolicy;
    },
  ) {
    this.scanner = others.scanner;
    others.jobs.register<ScanJobParams>(SCAN_JOB_KIND, {
      run: (ctx) => this.run(ctx),
      discard: async (params) => {
        this.secrets.delete(params.scan_id);
        await removeDir(params.upload_dir);
      },
    });
  }

  /** Replace the scanner, e.g. by a stand-in in tests. */
  useScanner(scanner: ScanRunner): void {
    this.scanner = scanner;
  }

  policy(): LabelPolicy {
    this.policyCache ??= this.others.policy?.() ?? loadLabelPolicy();
    return this.policyCache;
  }

  async start(ctx: RequestContext, input: ScanInput): Promise<{ scan_id: string; job_id: string }> {
    requirePermission(ctx.actor, 'classification.scan');
    if (input.kind === 'database') requirePermission(ctx.actor, 'system.admin');
    try {
      await this.checkOffice(ctx, input.office_id);
      if (input.kind === 'files' && input.files.length === 0)
        throw errors.validation('Send at least one file to scan', [{ path: 'file', message: 'required' }]);
      const sources: ScanSourceDescription[] =
        input.kind === 'files'
          ? input.files.map((f) => ({ kind: 'file', name: f.name }))
          : [{ kind: 'database', name: redactDatabaseUrl(input.url) }];
      const scanId = newId();
      const now = isoNow(this.deps.clock);
      const started = await inTransaction(this.deps, ctx, async (trx, audit) => {
        const params: ScanJobParams = {
          scan_id: scanId,
          files: input.kind === 'files' ? [...input.files] : null,
          upload_dir: input.kind === 'files' ? input.uploadDir : null,
          sampling: input.sampling,
        };
        const job = await this.others.jobs.enqueueIn(trx, ctx, {
          kind: SCAN_JOB_KIND,
          params,
          office_id: input.office_id ?? null,
          runner_id: this.others.runner.id,
        });
        await new ScanRepository(trx).insert({
          id: scanId,
          job_id: job.id,
          office_id: input.office_id ?? null,
          created_by: ctx.actor.userId,
          created_by_label: ctx.actor.label,
          sources_json: JSON.stringify(sources),
          options_json: JSON.stringify(input.sampling),
          errors_json: null,
          dataset_count: 0,
          created_at: now,
          finished_at: null,
        });
        await audit({
          action: 'create',
          entityType: SCAN_ENTITY,
          entityId: scanId,
          officeId: input.office_id ?? null,
          after: { sources, sampling: input.sampling, job_id: job.id },
        });
        return { scan_id: scanId, job_id: job.id };
      });
      if (input.kind === 'database') this.secrets.set(scanId, input.url);
      this.others.jobs.queued();
      return started;
    } catch (error) {
      if (input.kind === 'files') await removeDir(input.uploadDir);
      throw error;
    }
  }

  async list(ctx: RequestContext, query: ScanListQuery): Promise<ScanSummary[]> {
    requirePermission(ctx.actor, 'classification.read');
    const repo = new ScanRepository(this.deps.db.kysely);
    const rows = await repo.list(
      {
        scope: ctx.actor.scope.kind === 'all' ? undefined : ctx.actor.scope.officeIds,
        userId: ctx.actor.userId,
        officeId: query.office_id,
      },
      LIST_LIMIT,
    );
    const proposed = await repo.proposedLabels(rows.map((r) => r.id));
    return rows.map((row) => this.summary(row, proposed.get(row.id) ?? []));
  }

  async get(ctx: RequestContext, id: string): Promise<ScanDetail> {
    requirePermission(ctx.actor, 'classification.read');
    const repo = new ScanRepository(this.deps.db.kysely);
    const row = await this.visible(ctx.actor, repo, id);
    const datasets = await repo.datasets(id);
    return {
      ...this.summary(
        row,
        datasets.map((d) => d.proposed_label),
      ),
      job: await this.others.jobs.ofRecord(row.job_id),
      datasets: datasets.map(presentDataset),
      errors: row.errors_json ? (JSON.parse(row.errors_json) as ScanDetail['errors']) : [],
    };
  }

  /**
   * Confirm or override the label of dataset `position` (1-based): the label policy's rules decide
   * when a justification is needed (override, or lowering the proposed or the asset's current label).
   * With an asset, the label is written into it (its version must match); with `register`, a new
   * dataset asset is created. The decision, the asset write and their audit events share one
   * transaction: all or nothing.
   */
  async confirm(
    ctx: RequestContext,
    id: string,
    position: number,
    input: LabelConfirm,
  ): Promise<ScanDataset> {
    requirePermission(ctx.actor, 'classification.label');
    const policy = this.policy();
    // Read before the transaction (SQLite has one connection); updateIn re-checks its version inside.
    const current = input.asset_id ? await this.others.assets.get(ctx, input.asset_id) : null;
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new ScanRepository(trx);
      const scan = await this.visible(ctx.actor, repo, id);
      const before = await repo.dataset(id, position);
      if (!before) throw errors.notFound('dataset', `${id}/${position}`);
      if (before.version !== input.version) throwStale(SCAN_DATASET_ENTITY, before.id, input.version, before);
      const writesAsset = input.asset_id !== undefined || input.register !== undefined;
      const decided = confirmLabel(
        {
          proposed: before.proposed_label,
          chosen: canonicalLabel(policy, input.label),
          current: current?.sensitivity_label ?? before.label,
          justification: input.justification,
        },
        policy,
      );
      if (!decided.ok) throw errors.validation(decided.issues[0]!.message, decided.issues);
      if (writesAsset && !ASSET_LABELS.includes(decided.label))
        throw errors.validation(`label: inventory assets carry one of ${ASSET_LABELS.join(', ')}`, [
          { path: 'label', message: 'not a label of the inventory' },
        ]);
      const label = decided.label as Asset['sensitivity_label'];
      const personal = labelRank(policy, decided.label) >= labelRank(policy, 'Confidential');
      let asset: Asset | null = null;
      if (input.asset_id && current)
        asset = await this.others.assets.updateIn(trx, audit, ctx, input.asset_id, {
          version: input.asset_version!,
          sensitivity_label: label,
          // As for a registered asset; a label never clears what the asset says of personal data.
          ...(personal && !current.personal_data ? { personal_data: true } : {}),
        });
      else if (input.register)
        asset = await this.others.assets.createIn(
          trx,
          audit,
          ctx,
          datasetAsset(ctx, {
            name: input.register.name ?? assetName(before.source),
            office_id: input.register.office_id,
            sensitivity_label: label,
            personal_data: personal,
            description: `Registered from sensitive-data scan ${id} (${before.source})`,
          }),
        );
      const now = isoNow(this.deps.clock);
      const decision = {
        label: decided.label,
        label_change: decided.change,
        justification: decided.justification,
        asset_id: asset?.id ?? before.asset_id,
        decided_by: ctx.actor.userId,
        decided_by_label: ctx.actor.label,
        decided_at: now,
      };
      if (!(await repo.decide(before.id, before.version, decision)))
        throwStale(SCAN_DATASET_ENTITY, before.id, input.version, await repo.dataset(id, position));
      await audit({
        action: 'label',
        entityType: SCAN_DATASET_ENTITY,
        entityId: before.id,
        officeId: asset?.office_id ?? scan.office_id,
        before: { label: before.label, asset_id: before.asset_id },
        after: {
          scan_id: id,
          source: before.source,
          proposed: before.proposed_label,
          label: decided.label,
          change: decided.change,
          justification: decided.justification,
          asset_id: decision.asset_id,
        },
      });
      return presentDataset({
        ...before,
        ...decision,
        version: before.version + 1,
        updated_at: now,
        asset_name: asset?.name ?? null,
      });
    });
  }

  /**
   * Check, before anything is scanned, that `importReport(ctx, input, …)` would be allowed: the
   * permissions and office rules below, so that a long scan is not run only to be refused.
   */
  async checkImport(ctx: RequestContext, input: ImportInput): Promise<void> {
    requirePermission(ctx.actor, 'classification.scan');
    if (input.register) requirePermission(ctx.actor, 'inventory.write');
    await this.checkOffice(ctx, input.office_id);
    if (input.register && input.office_id === undefined)
      throw errors.validation('office_id: say in which office’s inventory the datasets are registered', [
        { path: 'office_id', message: 'required to register' },
      ]);
  }

  /**
   * Store a scan made elsewhere (e.g. `custos scan --json` on a laptop, `custos scan --register`, or
   * the demo) as a finished scan of the given sources: 'classification.scan', the office rules of
   * `start`, one audit event. With `register` ('inventory.write' too, and an office), each dataset is
   * linked to the inventory asset of that office it belongs to — the asset an earlier scan of the same
   * source was linked to, else the only asset named as the source — or, when there is none, a new
   * dataset asset is registered for it **without a label**: the proposal is not applied. A person's
   * confirmation (`confirm`) writes the label into the linked asset. Everything is one transaction.
   */
  async importReport(ctx: RequestContext, input: ImportInput, report: ScanReport): Promise<ImportedScan> {
    await this.checkImport(ctx, input);
    const scanId = newId();
    const result = { scan_id: scanId, datasets: report.datasets.length, errors: report.errors.length };
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const links =
        input.register && input.office_id !== undefined
          ? await this.linkAssets(trx, audit, ctx, scanId, input.office_id, report)
          : null;
      const job = await this.others.jobs.recordFinishedIn(trx, ctx, {
        kind: SCAN_JOB_KIND,
        office_id: input.office_id ?? null,
        result,
      });
      await new ScanRepository(trx).insert({
        id: scanId,
        job_id: job.id,
        office_id: input.office_id ?? null,
        created_by: ctx.actor.userId,
        created_by_label: ctx.actor.label,
        sources_json: JSON.stringify(input.sources),
        options_json: JSON.stringify(input.sampling),
        errors_json: null,
        dataset_count: 0,
        created_at: isoNow(this.deps.clock),
        finished_at: null,
      });
      await audit({
        action: 'import',
        entityType: SCAN_ENTITY,
        entityId: scanId,
        officeId: input.office_id ?? null,
        after: {
          sources: input.sources,
          ...result,
          ...(links
            ? { assets: links.map((l) => ({ position: l.position, asset_id: l.asset_id, link: l.link })) }
            : {}),
        },
      });
      await this.storeIn(trx, scanId, report, links ?? []);
      return { scan_id: scanId, job_id: job.id, ...(links ? { assets: links } : {}) };
    });
  }

  /** For each dataset of the report, the asset of `officeId` it belongs to: found, or registered unlabelled. */
  private async linkAssets(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    scanId: string,
    officeId: string,
    report: ScanReport,
  ): Promise<DatasetAssetLink[]> {
    const repo = new ScanRepository(trx);
    const bySource = new Map<string, Omit<DatasetAssetLink, 'position' | 'source'>>();
    const links: DatasetAssetLink[] = [];
    for (const [i, dataset] of report.datasets.entries()) {
      let link = bySource.get(dataset.source);
      if (!link) {
        const name = assetName(dataset.source);
        const found = await repo.assetForSource(dataset.source, name, officeId);
        if (found.kind === 'found')
          link = { asset_id: found.id, asset_name: found.name, link: 'linked', label: found.label };
        else if (found.kind === 'ambiguous')
          link = { asset_id: null, asset_name: null, link: 'ambiguous', label: null };
        else {
          const asset = await this.others.assets.createIn(
            trx,
            audit,
            ctx,
            datasetAsset(ctx, {
              name,
              office_id: officeId,
              description: `Registered by sensitive-data scan ${scanId} of ${dataset.source}; its sensitivity label awaits a person’s confirmation`,
            }),
          );
          link = { asset_id: asset.id, asset_name: asset.name, link: 'registered', label: null };
        }
        bySource.set(dataset.source, link);
      }
      links.push({ position: i + 1, source: dataset.source, ...link });
    }
    return links;
  }

  /** The job: scan, store the report, free the upload and the password whatever happens. */
  private async run(ctx: JobContext<ScanJobParams>): Promise<unknown> {
    const { params } = ctx;
    try {
      let sources: ScanSource[];
      if (params.files) sources = params.files.map((f) => ({ kind: 'path', path: f.path, name: f.name }));
      else {
        const url = this.secrets.get(params.scan_id);
        if (!url) throw new Error('the database password is not kept after a restart; start the scan again');
        sources = [{ kind: 'database', url }];
      }
      const report = await this.scanner(
        sources,
        {
          sampling:
            params.sampling.kind === 'full'
              ? { kind: 'full' }
              : { kind: 'sample', size: params.sampling.size },
          policy: this.policy(),
        },
        {
          signal: ctx.signal,
          onProgress: (p) => ctx.onProgress(p.sources_done, p.sources_total, p.source),
        },
      );
      await this.store(params.scan_id, report);
      return { scan_id: params.scan_id, datasets: report.datasets.length, errors: report.errors.length };
    } finally {
      this.secrets.delete(params.scan_id);
      await removeDir(params.upload_dir);
    }
  }

  /** Store a report as the scan's result, in one transaction. */
  private store(scanId: string, report: ScanReport): Promise<void> {
    return this.deps.db.kysely.transaction().execute((trx) => this.storeIn(trx, scanId, report));
  }

  private async storeIn(
    trx: Transaction<Database>,
    scanId: string,
    report: ScanReport,
    links: readonly DatasetAssetLink[] = [],
  ): Promise<void> {
    const now = isoNow(this.deps.clock);
    const rows: ScanDatasetRow[] = report.datasets.map((d, i) => ({
      id: newId(),
      scan_id: scanId,
      position: i + 1,
      source: d.source,
      format: d.format,
      rows_scanned: d.rows_scanned,
      proposed_label: d.label.proposed,
      proposed_rule: d.label.rule,
      reasons_json: JSON.stringify(d.label.reasons),
      columns_json: JSON.stringify(d.columns),
      label: null,
      label_change: null,
      justification: null,
      asset_id: links[i]?.asset_id ?? null,
      decided_by: null,
      decided_by_label: null,
      decided_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    }));
    await new ScanRepository(trx).finish(scanId, rows, JSON.stringify(report.errors), now);
  }

  /** Scoped callers name an office of theirs; everyone may name only an office that exists. */
  private async checkOffice(ctx: RequestContext, officeId: string | undefined): Promise<void> {
    if (officeId === undefined) {
      if (ctx.actor.scope.kind !== 'all')
        throw errors.validation('office_id: say which of your offices the data belongs to', [
          { path: 'office_id', message: 'required' },
        ]);
      return;
    }
    await this.others.offices.get(ctx, officeId).catch(() => {
      throw errors.unknownReference('office', officeId, 'office_id');
    });
  }

  private async visible(actor: Actor, repo: ScanRepository, id: string): Promise<ScanListRow> {
    const row = await repo.findById(id);
    const mine = row !== undefined && actor.userId !== null && row.created_by === actor.userId;
    if (
      !row ||
      (!mine && (row.office_id === null ? actor.scope.kind !== 'all' : !inScope(actor, row.office_id)))
    )
      throw errors.notFound(SCAN_ENTITY, id);
    return row;
  }

  private summary(row: ScanListRow, proposed: readonly string[]): ScanSummary {
    const policy = this.policy();
    const highest = proposed.reduce<string | null>(
      (top, label) => (top === null || labelRank(policy, label) > labelRank(policy, top) ? label : top),
      null,
    );
    return {
      id: row.id,
      job_id: row.job_id,
      status: row.status as ScanSummary['status'],
      office_id: row.office_id,
      created_by_label: row.created_by_label,
      created_at: row.created_at,
      finished_at: row.finished_at,
      sources: JSON.parse(row.sources_json) as ScanSourceDescription[],
      sampling: JSON.parse(row.options_json) as Sampling,
      dataset_count: row.dataset_count,
      confirmed_count: row.confirmed_count,
      highest_proposed: highest,
      error_count: row.errors_json ? (JSON.parse(row.errors_json) as unknown[]).length : 0,
    };
  }
}

/** The policy's spelling of a label typed in any case. */
function canonicalLabel(policy: LabelPolicy, label: string): string {
  return policy.taxonomy.find((l) => l.name.toLowerCase() === label.trim().toLowerCase())?.name ?? label;
}

export function presentDataset(row: ScanDatasetListRow): ScanDataset {
  return {
    id: row.id,
    position: row.position,
    source: row.source,
    format: row.format as ScanDataset['format'],
    rows_scanned: row.rows_scanned,
    proposal: {
      label: row.proposed_label,
      rule: row.proposed_rule,
      reasons: JSON.parse(row.reasons_json) as string[],
    },
    columns: JSON.parse(row.columns_json) as ScanDataset['columns'],
    decision:
      row.label && row.decided_at
        ? {
            label: row.label,
            change: row.label_change as NonNullable<ScanDataset['decision']>['change'],
            justification: row.justification,
            decided_by_label: row.decided_by_label ?? '',
            decided_at: row.decided_at,
          }
        : null,
    asset_id: row.asset_id,
    asset_name: row.asset_name,
    version: row.version,
  };
}

const MAX_ASSET_NAME = 300;

/** The name of a dataset's asset: its source, keeping the end (the file or table) of a long one. */
export function assetName(source: string): string {
  return source.length <= MAX_ASSET_NAME ? source : `…${source.slice(-(MAX_ASSET_NAME - 1))}`;
}

/** A new dataset asset for a scanned source; a data custodian registering it is its custodian. */
function datasetAsset(
  ctx: RequestContext,
  fields: Pick<AssetCreate, 'name' | 'office_id' | 'description'> &
    Partial<Pick<AssetCreate, 'sensitivity_label' | 'personal_data'>>,
): AssetCreate {
  return {
    ...fields,
    asset_type: 'dataset',
    ...(ctx.actor.role === 'data_custodian' && ctx.actor.personId
      ? { data_custodian_id: ctx.actor.personId }
      : {}),
  };
}

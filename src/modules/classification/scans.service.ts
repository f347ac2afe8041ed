import fs from 'node:fs';
import type { RequestContext } from '../../core/audit.js';
import { isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { decodeCursor, toPage, type Page, type PageQuery } from '../../core/pagination.js';
import { requirePermission } from '../../core/permissions.js';
import { inTransaction, type ServiceDeps } from '../../core/service-context.js';
import type { AssetService } from '../inventory/asset.service.js';
import type { JobRunner } from '../jobs/job-runner.js';
import type { JobContext, JobService } from '../jobs/jobs.service.js';
import type { OfficeService } from '../org/office.service.js';
import { loadLabelPolicy } from './label-policy.js';
import type { LabelPolicy } from './label-policy.schema.js';
import type { ScanReport, ScanRunner, ScanSource } from './scan-report.js';
import { SCAN_ENTITY, SCAN_JOB_KIND, checkScanOffice, storeReport, visibleScan } from './scans.common.js';
import { confirmDatasetLabel } from './scans.confirm.js';
import { checkScanImport, importScanReport, type ImportInput, type ImportedScan } from './scans.import.js';
import { newScanRow, presentDataset, presentScan } from './scans.present.js';
import { ScanRepository } from './scans.repository.js';
import type {
  LabelConfirm,
  Sampling,
  ScanDataset,
  ScanDetail,
  ScanListQuery,
  ScanSourceDescription,
  ScanSummary,
} from './sensitive-data.schema.js';
import { redactDatabaseUrl } from './source-description.js';

export const DEFAULT_SAMPLE = 1000;

/** A file to scan: where the upload was saved and the name the person gave it. */
export interface UploadedSource {
  path: string;
  name: string;
}

export type ScanInput = (
  { kind: 'files'; files: readonly UploadedSource[]; uploadDir: string } | { kind: 'database'; url: string }
) & { office_id?: string; sampling: Sampling };

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
 * stores one made elsewhere (`importReport`, scans.import; linking or registering its assets needs
 * 'inventory.write'); 'classification.label' confirms or overrides a dataset's label (scans.confirm),
 * written to an inventory asset with the inventory's own rules (scope, custodians only their own
 * assets, version → 409).
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
      await checkScanOffice(this.others.offices, ctx, input.office_id);
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
        await new ScanRepository(trx).insert(
          newScanRow(ctx, {
            id: scanId,
            job_id: job.id,
            office_id: input.office_id,
            sources,
            sampling: input.sampling,
            created_at: now,
          }),
        );
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

  /** Newest first, a page at a time. */
  async list(ctx: RequestContext, query: ScanListQuery & Partial<PageQuery>): Promise<Page<ScanSummary>> {
    requirePermission(ctx.actor, 'classification.read');
    const limit = query.limit ?? 50;
    const repo = new ScanRepository(this.deps.db.kysely);
    const rows = await repo.list(
      {
        scope: ctx.actor.scope.kind === 'all' ? undefined : ctx.actor.scope.officeIds,
        userId: ctx.actor.userId,
        officeId: query.office_id,
      },
      { cursor: query.cursor ? decodeCursor(query.cursor) : null, limit },
    );
    const proposed = await repo.proposedLabels(rows.slice(0, limit).map((r) => r.id));
    return toPage(
      rows,
      limit,
      (row) => row.created_at,
      (row) => presentScan(row, proposed.get(row.id) ?? [], this.policy()),
    );
  }

  async get(ctx: RequestContext, id: string): Promise<ScanDetail> {
    requirePermission(ctx.actor, 'classification.read');
    const repo = new ScanRepository(this.deps.db.kysely);
    const row = await visibleScan(ctx.actor, repo, id);
    const datasets = await repo.datasets(id);
    return {
      ...presentScan(
        row,
        datasets.map((d) => d.proposed_label),
        this.policy(),
      ),
      job: await this.others.jobs.ofRecord(row.job_id),
      datasets: datasets.map(presentDataset),
      errors: row.errors_json ? (JSON.parse(row.errors_json) as ScanDetail['errors']) : [],
    };
  }

  /** Confirm or override a dataset's label, written into an inventory asset if asked (scans.confirm). */
  async confirm(
    ctx: RequestContext,
    id: string,
    position: number,
    input: LabelConfirm,
  ): Promise<ScanDataset> {
    requirePermission(ctx.actor, 'classification.label');
    return confirmDatasetLabel(this.deps, this.others.assets, this.policy(), ctx, id, position, input);
  }

  /** Whether `importReport` would be allowed, checked before a long scan is run (scans.import). */
  checkImport(ctx: RequestContext, input: ImportInput): Promise<void> {
    return checkScanImport(this.others.offices, ctx, input);
  }

  /** Store a scan made elsewhere as a finished scan, linking or registering its assets (scans.import). */
  importReport(ctx: RequestContext, input: ImportInput, report: ScanReport): Promise<ImportedScan> {
    return importScanReport(this.deps, this.others, ctx, input, report);
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
      // The scan's result in one transaction of its own.
      await this.deps.db.kysely
        .transaction()
        .execute((trx) => storeReport(trx, this.deps.clock, params.scan_id, report));
      return { scan_id: params.scan_id, datasets: report.datasets.length, errors: report.errors.length };
    } finally {
      this.secrets.delete(params.scan_id);
      await removeDir(params.upload_dir);
    }
  }
}

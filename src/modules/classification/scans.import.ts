import type { Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import { isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { requirePermission } from '../../core/permissions.js';
import { inTransaction, type AuditWriter, type ServiceDeps } from '../../core/service-context.js';
import type { Database } from '../../db/schema.js';
import type { AssetService } from '../inventory/asset.service.js';
import type { JobService } from '../jobs/jobs.service.js';
import type { OfficeService } from '../org/office.service.js';
import type { ScanReport } from './scan-report.js';
import { SCAN_ENTITY, SCAN_JOB_KIND, checkScanOffice, storeReport } from './scans.common.js';
import { assetName, datasetAsset, newScanRow } from './scans.present.js';
import { ScanRepository } from './scans.repository.js';
import type { Sampling, ScanSourceDescription } from './sensitive-data.schema.js';

/** What `importScanReport` stores: the sources as people see them, and whether to link or register assets. */
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

/** The services an import works through. */
export interface ScanImportServices {
  jobs: JobService;
  assets: AssetService;
  offices: OfficeService;
}

/**
 * Check, before anything is scanned, that `importScanReport(…, ctx, input, …)` would be allowed: the
 * permissions and office rules below, so that a long scan is not run only to be refused.
 */
export async function checkScanImport(
  offices: OfficeService,
  ctx: RequestContext,
  input: ImportInput,
): Promise<void> {
  requirePermission(ctx.actor, 'classification.scan');
  if (input.register) requirePermission(ctx.actor, 'inventory.write');
  await checkScanOffice(offices, ctx, input.office_id);
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
export async function importScanReport(
  deps: ServiceDeps,
  services: ScanImportServices,
  ctx: RequestContext,
  input: ImportInput,
  report: ScanReport,
): Promise<ImportedScan> {
  await checkScanImport(services.offices, ctx, input);
  const scanId = newId();
  const result = { scan_id: scanId, datasets: report.datasets.length, errors: report.errors.length };
  return inTransaction(deps, ctx, async (trx, audit) => {
    const links =
      input.register && input.office_id !== undefined
        ? await linkAssets(trx, audit, services.assets, ctx, scanId, input.office_id, report)
        : null;
    const job = await services.jobs.recordFinishedIn(trx, ctx, {
      kind: SCAN_JOB_KIND,
      office_id: input.office_id ?? null,
      result,
    });
    await new ScanRepository(trx).insert(
      newScanRow(ctx, {
        id: scanId,
        job_id: job.id,
        office_id: input.office_id,
        sources: input.sources,
        sampling: input.sampling,
        created_at: isoNow(deps.clock),
      }),
    );
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
    await storeReport(
      trx,
      deps.clock,
      scanId,
      report,
      (links ?? []).map((l) => l.asset_id),
    );
    return { scan_id: scanId, job_id: job.id, ...(links ? { assets: links } : {}) };
  });
}

/** For each dataset of the report, the asset of `officeId` it belongs to: found, or registered unlabelled. */
async function linkAssets(
  trx: Transaction<Database>,
  audit: AuditWriter,
  assets: AssetService,
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
        const asset = await assets.createIn(
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

import type { Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import { isoNow, type Clock } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { inScope, type Actor } from '../../core/permissions.js';
import type { Database } from '../../db/schema.js';
import type { OfficeService } from '../org/office.service.js';
import type { ScanReport } from './scan-report.js';
import { datasetRows } from './scans.present.js';
import { ScanRepository, type ScanListRow } from './scans.repository.js';

/* What the scan operations (scans.service, scans.confirm, scans.import) share. */

export const SCAN_ENTITY = 'scan';
export const SCAN_DATASET_ENTITY = 'scan_dataset';
export const SCAN_JOB_KIND = 'scan';

/** The scan if the actor may see it: their own, or one of an office in their scope; else 404. */
export async function visibleScan(actor: Actor, repo: ScanRepository, id: string): Promise<ScanListRow> {
  const row = await repo.findById(id);
  const mine = row !== undefined && actor.userId !== null && row.created_by === actor.userId;
  if (
    !row ||
    (!mine && (row.office_id === null ? actor.scope.kind !== 'all' : !inScope(actor, row.office_id)))
  )
    throw errors.notFound(SCAN_ENTITY, id);
  return row;
}

/** Scoped callers name an office of theirs; everyone may name only an office that exists. */
export async function checkScanOffice(
  offices: OfficeService,
  ctx: RequestContext,
  officeId: string | undefined,
): Promise<void> {
  if (officeId === undefined) {
    if (ctx.actor.scope.kind !== 'all')
      throw errors.validation('office_id: say which of your offices the data belongs to', [
        { path: 'office_id', message: 'required' },
      ]);
    return;
  }
  await offices.get(ctx, officeId).catch(() => {
    throw errors.unknownReference('office', officeId, 'office_id');
  });
}

/** Store a report as the scan's result: its datasets (linked to `assetIds[i]`), errors, finish time. */
export async function storeReport(
  trx: Transaction<Database>,
  clock: Clock,
  scanId: string,
  report: ScanReport,
  assetIds: readonly (string | null)[] = [],
): Promise<void> {
  const now = isoNow(clock);
  await new ScanRepository(trx).finish(
    scanId,
    datasetRows(scanId, report, assetIds, now),
    JSON.stringify(report.errors),
    now,
  );
}

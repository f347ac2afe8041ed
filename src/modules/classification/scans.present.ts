import type { RequestContext } from '../../core/audit.js';
import { newId } from '../../core/ids.js';
import type { AssetCreate } from '../inventory/asset.schema.js';
import { labelRank } from './label-policy.js';
import type { LabelPolicy } from './label-policy.schema.js';
import type { ScanReport } from './scan-report.js';
import type { ScanDatasetListRow, ScanDatasetRow, ScanListRow, ScanRow } from './scans.repository.js';
import type { Sampling, ScanDataset, ScanSourceDescription, ScanSummary } from './sensitive-data.schema.js';

/* Scans between stored rows and what the API answers, and the rows and assets a scan writes. No I/O. */

export function presentScan(row: ScanListRow, proposed: readonly string[], policy: LabelPolicy): ScanSummary {
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

/** The policy's spelling of a label typed in any case. */
export function canonicalLabel(policy: LabelPolicy, label: string): string {
  return policy.taxonomy.find((l) => l.name.toLowerCase() === label.trim().toLowerCase())?.name ?? label;
}

const MAX_ASSET_NAME = 300;

/** The name of a dataset's asset: its source, keeping the end (the file or table) of a long one. */
export function assetName(source: string): string {
  return source.length <= MAX_ASSET_NAME ? source : `…${source.slice(-(MAX_ASSET_NAME - 1))}`;
}

/** A new dataset asset for a scanned source; a data custodian registering it is its custodian. */
export function datasetAsset(
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

/** A scan as it is first stored, started or imported: no datasets yet (`datasetRows` come with `finish`). */
export function newScanRow(
  ctx: RequestContext,
  scan: {
    id: string;
    job_id: string;
    office_id: string | undefined;
    sources: readonly ScanSourceDescription[];
    sampling: Sampling;
    created_at: string;
  },
): ScanRow {
  return {
    id: scan.id,
    job_id: scan.job_id,
    office_id: scan.office_id ?? null,
    created_by: ctx.actor.userId,
    created_by_label: ctx.actor.label,
    sources_json: JSON.stringify(scan.sources),
    options_json: JSON.stringify(scan.sampling),
    errors_json: null,
    dataset_count: 0,
    created_at: scan.created_at,
    finished_at: null,
  };
}

/** The report's datasets as undecided rows, position 1 first, each linked to `assetIds[i]` if any. */
export function datasetRows(
  scanId: string,
  report: ScanReport,
  assetIds: readonly (string | null)[],
  now: string,
): ScanDatasetRow[] {
  return report.datasets.map((d, i) => ({
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
    asset_id: assetIds[i] ?? null,
    decided_by: null,
    decided_by_label: null,
    decided_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  }));
}

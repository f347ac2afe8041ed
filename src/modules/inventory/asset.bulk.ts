import type { z } from 'zod';
import type { FieldIssue } from '../../core/errors.js';
import { inScope } from '../../core/permissions.js';
import { throwStale, type AuditWriter } from '../../core/service-context.js';
import { FirstSeen, rowIssues, throwIfRowIssues } from '../org/org.validation.js';
import { rowAssetIssues } from './asset.checks.js';
import {
  planChange,
  planNewAsset,
  refreshHeldSearchText,
  writtenColumns,
  type AssetChanges,
  type NewAssetRow,
  type PlanContext,
} from './asset.plan.js';
import { presentAsset, type AssetRow } from './asset.present.js';
import type { AssetRepository } from './asset.repository.js';
import { assetCreateSchema, assetUpsertSchema, type Asset, type AssetCreate } from './asset.schema.js';

/* Bulk writes for the spreadsheet import: every record checked first, then all written, or none. */

const ENTITY = 'asset';

/** An asset as a caller may send it before validation (e.g. a row read from a file). */
export type AssetCreateInput = z.input<typeof assetCreateSchema>;
export type AssetUpsertInput = z.input<typeof assetUpsertSchema>;

/** What a bulk write did with one record (`row` = its 1-based position in the batch). */
export interface AssetUpsertOutcome {
  row: number;
  action: 'created' | 'updated' | 'unchanged';
  asset: Asset;
}

interface NewRecord {
  row: number;
  input: AssetCreate;
}
interface ChangeRecord {
  row: number;
  id: string;
  version: number | undefined;
  changes: AssetChanges;
}

export async function createAssetsIn(
  pc: PlanContext,
  repo: AssetRepository,
  audit: AuditWriter,
  inputs: readonly AssetCreateInput[],
): Promise<Asset[]> {
  const issues: FieldIssue[] = [];
  const records: NewRecord[] = [];
  for (const [index, raw] of inputs.entries()) {
    const parsed = assetCreateSchema.safeParse(raw);
    if (parsed.success) records.push({ row: index + 1, input: parsed.data });
    else issues.push(...rowIssues(parsed.error, index + 1));
  }
  const planned = await planNew(pc, records, issues);
  throwIfRowIssues(issues);
  return (await insertAll(repo, audit, planned)).map((outcome) => outcome.asset);
}

/** A batch of upserts checked and planned, not yet written. */
export interface UpsertPlan {
  /** Every problem, by 1-based position in the batch. */
  issues: FieldIssue[];
  updates: { row: number; before: AssetRow; after: AssetRow; changed: boolean }[];
  creates: { row: number; asset: NewAssetRow }[];
}

/**
 * Check and plan a batch of upserts without writing (reads only): `upsertAssetsIn` writes the plan,
 * a dry run reports it. A record that changes nothing is not checked further: nothing of it is
 * written, so a data custodian may send back a whole export that also holds colleagues' assets.
 */
export async function planUpserts(
  pc: PlanContext,
  repo: AssetRepository,
  inputs: readonly AssetUpsertInput[],
): Promise<UpsertPlan> {
  const issues: FieldIssue[] = [];
  const fresh: NewRecord[] = [];
  const changes: ChangeRecord[] = [];
  const ids = new FirstSeen();
  for (const [index, raw] of inputs.entries()) {
    const row = index + 1;
    if (raw.id === undefined) {
      const parsed = assetCreateSchema.safeParse(raw);
      if (parsed.success) fresh.push({ row, input: parsed.data });
      else issues.push(...rowIssues(parsed.error, row));
      continue;
    }
    const parsed = assetUpsertSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...rowIssues(parsed.error, row));
      continue;
    }
    const { id, version, ...rest } = parsed.data;
    const earlier = ids.claim(id ?? '', row);
    if (earlier !== null) issues.push({ row, path: 'id', message: `asset ${id} is also on row ${earlier}` });
    else changes.push({ row, id: id ?? '', version, changes: rest });
  }

  // Changes first, so that new records see the systems as this batch leaves them.
  const existing = await repo.findByIds(changes.map((record) => record.id));
  const updates: UpsertPlan['updates'] = [];
  for (const record of changes) {
    const before = existing.get(record.id);
    if (!before || !inScope(pc.actor, before.office_id)) {
      issues.push({
        row: record.row,
        path: 'id',
        message: `asset ${record.id} was not found; leave the id empty to add a new asset`,
      });
      continue;
    }
    if (record.version !== undefined && record.version !== before.version) {
      issues.push({
        row: record.row,
        path: 'version',
        message: `asset ${record.id} was changed by someone else (your version ${record.version}, current ${before.version})`,
      });
      continue;
    }
    const plan = await planChange(pc, repo, before, record.changes);
    if (plan.changed) {
      issues.push(...rowAssetIssues(plan.issues, record.row));
      pc.checks.plan(plan.row);
    }
    updates.push({ row: record.row, before, after: plan.row, changed: plan.changed });
  }
  const creates = await planNew(pc, fresh, issues);
  return { issues, updates, creates };
}

export async function upsertAssetsIn(
  pc: PlanContext,
  repo: AssetRepository,
  audit: AuditWriter,
  inputs: readonly AssetUpsertInput[],
): Promise<AssetUpsertOutcome[]> {
  const { issues, updates, creates } = await planUpserts(pc, repo, inputs);
  throwIfRowIssues(issues);

  const outcomes: AssetUpsertOutcome[] = [];
  for (const { row, before, after, changed } of updates) {
    if (!changed) {
      outcomes.push({ row, action: 'unchanged', asset: presentAsset(before) });
      continue;
    }
    if (!(await repo.update(before.id, before.version, writtenColumns(after))))
      throwStale(ENTITY, before.id, before.version, await repo.findById(before.id));
    const asset = presentAsset({ ...after, version: before.version + 1 });
    await audit({
      action: 'update',
      entityType: ENTITY,
      entityId: asset.id,
      officeId: asset.office_id,
      before: presentAsset(before),
      after: asset,
    });
    outcomes.push({ row, action: 'updated', asset });
  }
  outcomes.push(...(await insertAll(repo, audit, creates)));
  const renamed = updates.filter((u) => u.changed && u.after.name !== u.before.name).map((u) => u.after);
  await refreshHeldSearchText(repo, renamed);
  return outcomes.sort((a, b) => a.row - b.row);
}

async function planNew(
  pc: PlanContext,
  records: readonly NewRecord[],
  issues: FieldIssue[],
): Promise<{ row: number; asset: NewAssetRow }[]> {
  const planned: { row: number; asset: NewAssetRow }[] = [];
  for (const record of records) {
    const plan = await planNewAsset(pc, record.input);
    issues.push(...rowAssetIssues(plan.issues, record.row));
    planned.push({ row: record.row, asset: plan.row });
  }
  return planned;
}

async function insertAll(
  repo: AssetRepository,
  audit: AuditWriter,
  planned: readonly { row: number; asset: NewAssetRow }[],
): Promise<AssetUpsertOutcome[]> {
  await repo.insert(planned.map((p) => p.asset));
  const outcomes: AssetUpsertOutcome[] = [];
  for (const { row, asset: stored } of planned) {
    const asset = presentAsset(stored);
    await audit({
      action: 'create',
      entityType: ENTITY,
      entityId: asset.id,
      officeId: asset.office_id,
      after: asset,
    });
    outcomes.push({ row, action: 'created', asset });
  }
  return outcomes;
}

import { newId } from '../../core/ids.js';
import type { Actor } from '../../core/permissions.js';
import { custodianIssues, type AssetChecks, type AssetIssue } from './asset.checks.js';
import {
  ASSET_DATA_COLUMNS,
  assetSearchText,
  storedCategories,
  storedSubjects,
  storedTags,
  storedText,
  type AssetRow,
} from './asset.present.js';
import type { AssetRepository } from './asset.repository.js';
import { assetRuleIssues, isSystemType } from './asset.rules.js';
import { OWNERSHIP_FIELDS, type AssetCreate, type AssetUpdate, type OwnershipField } from './asset.schema.js';

/*
 * What a write will store, and what is wrong with it, before anything is written: shared by the single
 * writes of AssetService and the bulk writes of asset.bulk.ts, so both apply the same rules.
 */

export type NewAssetRow = Omit<AssetRow, 'seq'>;
export type AssetChanges = Omit<AssetUpdate, 'version'>;

export interface PlanContext {
  checks: AssetChecks;
  actor: Actor;
  /** The clock's UTC date and instant. */
  today: string;
  now: string;
}

/**
 * A new asset. Under a system, each owner field left out or null takes the system's value
 * (inheritance); people named explicitly are checked, those inherited were checked on the system.
 */
export async function planNewAsset(
  pc: PlanContext,
  input: AssetCreate,
): Promise<{ row: NewAssetRow; issues: AssetIssue[] }> {
  const departmentId = input.department_id ?? null;
  const issues = await pc.checks.placement(input.office_id, departmentId);
  let system: AssetRow | undefined;
  if (input.system_id) {
    const found = await pc.checks.system(input.system_id, null);
    issues.push(...found.issues);
    if (found.issues.length === 0) system = found.system;
  }
  issues.push(...(await pc.checks.people(pickOwners(input))));
  const owners = Object.fromEntries(
    OWNERSHIP_FIELDS.map((field) => [field, input[field] ?? system?.[field] ?? null]),
  ) as Record<OwnershipField, string | null>;
  const fields = {
    name: input.name,
    description: storedText(input.description),
    asset_type: input.asset_type,
    system_id: input.system_id ?? null,
    office_id: input.office_id,
    department_id: departmentId,
    ...owners,
    sensitivity_label: input.sensitivity_label ?? null,
    personal_data: input.personal_data ? 1 : 0,
    special_categories: storedCategories(input.special_categories ?? []),
    data_subjects: storedSubjects(input.data_subjects ?? []),
    legal_basis: storedText(input.legal_basis),
    purpose: storedText(input.purpose),
    retention: storedText(input.retention),
    hosting_location: storedText(input.hosting_location),
    sharing_agreements: storedText(input.sharing_agreements),
    tags: storedTags(input.tags ?? []),
    last_reviewed: input.last_reviewed ?? null,
    last_access_review: input.last_access_review ?? null,
  };
  const row: NewAssetRow = {
    id: newId(),
    ...fields,
    search_text: assetSearchText(fields, system?.name ?? null),
    version: 1,
    created_at: pc.now,
    updated_at: pc.now,
  };
  issues.push(...invalidAll(assetRuleIssues(row, pc.today)));
  issues.push(...custodianIssues(pc.actor, row.data_custodian_id));
  return { row, issues };
}

/**
 * A change to `before`: the row it leaves (version and updated_at still to be set by the writer),
 * whether any field really changes, and the problems. Moving an asset needs an office the caller sees
 * and a department of that office; a data custodian must be the asset's custodian before the change.
 */
export async function planChange(
  pc: PlanContext,
  repo: AssetRepository,
  before: AssetRow,
  changes: AssetChanges,
): Promise<{ row: AssetRow; changed: boolean; issues: AssetIssue[] }> {
  const merged: AssetRow = { ...before, ...storedChanges(changes) };
  const issues = custodianIssues(pc.actor, before.data_custodian_id);
  if (merged.office_id !== before.office_id || merged.department_id !== before.department_id)
    issues.push(...(await pc.checks.placement(merged.office_id, merged.department_id)));
  if (merged.system_id !== null && merged.system_id !== before.system_id)
    issues.push(...(await pc.checks.system(merged.system_id, before.id)).issues);
  if (isSystemType(before.asset_type) && !isSystemType(merged.asset_type)) {
    const held = await repo.countChildren(before.id);
    if (held > 0)
      issues.push({
        kind: 'invalid',
        path: 'asset_type',
        message: `this system holds ${held} asset(s); it stays an application or database until they are moved`,
      });
  }
  const newlyNamed = Object.fromEntries(
    OWNERSHIP_FIELDS.filter((field) => merged[field] !== before[field]).map((field) => [
      field,
      merged[field],
    ]),
  );
  issues.push(...(await pc.checks.people(newlyNamed)));
  issues.push(...invalidAll(assetRuleIssues(merged, pc.today)));
  const systemName =
    merged.system_id === null ? null : ((await pc.checks.asset(merged.system_id))?.name ?? null);
  const row: AssetRow = {
    ...merged,
    search_text: assetSearchText(merged, systemName),
    updated_at: pc.now,
  };
  const changed = ASSET_DATA_COLUMNS.some((column) => row[column] !== before[column]);
  return { row, changed, issues };
}

/** The columns a change writes, from a row as planned (everything but keys and creation). */
export function writtenColumns(row: AssetRow): Partial<Omit<AssetRow, 'seq' | 'id'>> {
  const { seq: _seq, id: _id, version: _version, created_at: _created, ...columns } = row;
  return columns;
}

/**
 * After systems were renamed: their assets' search text (which includes the system name) follows.
 * Not a change of those assets: no new version, no audit event.
 */
export async function refreshHeldSearchText(
  repo: AssetRepository,
  systems: readonly AssetRow[],
): Promise<void> {
  for (const system of systems) {
    const held = await repo.children(system.id);
    const updates = held
      .map((child) => ({
        id: child.id,
        before: child.search_text,
        search_text: assetSearchText(child, system.name),
      }))
      .filter((update) => update.search_text !== update.before)
      .map(({ id, search_text }) => ({ id, search_text }));
    if (updates.length > 0) await repo.setSearchText(updates);
  }
}

/** The stored form of the fields a change sends ('' clears optional text). */
function storedChanges(changes: AssetChanges): Partial<AssetRow> {
  const { special_categories, data_subjects, tags, personal_data, ...plain } = changes;
  const stored: Partial<AssetRow> = {};
  for (const [key, value] of Object.entries(plain) as [keyof typeof plain, unknown][]) {
    if (value === undefined) continue;
    (stored as Record<string, unknown>)[key] = typeof value === 'string' ? storedText(value) : value;
  }
  if (special_categories !== undefined) stored.special_categories = storedCategories(special_categories);
  if (data_subjects !== undefined) stored.data_subjects = storedSubjects(data_subjects);
  if (tags !== undefined) stored.tags = storedTags(tags);
  if (personal_data !== undefined) stored.personal_data = personal_data ? 1 : 0;
  return stored;
}

function pickOwners(
  input: Partial<Record<OwnershipField, string | null>>,
): Partial<Record<OwnershipField, string | null>> {
  return Object.fromEntries(OWNERSHIP_FIELDS.map((field) => [field, input[field]]));
}

function invalidAll(issues: readonly { path: string; message: string }[]): AssetIssue[] {
  return issues.map((issue) => ({ kind: 'invalid', ...issue }));
}

import type { FieldIssue } from '../../core/errors.js';
import { errors } from '../../core/errors.js';
import { inScope, type Actor } from '../../core/permissions.js';
import type { AiSystemRow } from './ai-system.present.js';
import type { AiSystemRepository } from './ai-system.repository.js';

/*
 * The checks of an AI system write that need the database or the AI usage catalogue: where the system
 * sits, the people it names, the data assets it uses and the catalogue apps it is.
 */

export const AI_SYSTEM_ENTITY = 'ai_system';

/** The AI usage catalogue's app ids; a system may only name apps the catalogue knows. */
export type KnownAppIds = ReadonlySet<string>;

/** The system a call targets: 404 when it does not exist or is outside the caller's scope. */
export async function visibleSystem(
  repo: AiSystemRepository,
  actor: Actor,
  id: string,
): Promise<AiSystemRow> {
  const row = await repo.findById(id);
  if (!row || !inScope(actor, row.office_id)) throw errors.notFound(AI_SYSTEM_ENTITY, id);
  return row;
}

/**
 * Every problem of a system as it will be written, compared with `before` (null for a new one):
 * 404 for an office the caller cannot see (as for one that does not exist), 400 for the rest.
 * People and assets are checked only when newly named, so an old reference does not block an edit.
 */
export async function checkAiSystem(
  repo: AiSystemRepository,
  actor: Actor,
  knownApps: KnownAppIds,
  row: AiSystemRow,
  before: AiSystemRow | null,
): Promise<void> {
  if (before === null || row.office_id !== before.office_id || row.department_id !== before.department_id) {
    const office = inScope(actor, row.office_id) ? await repo.office(row.office_id) : undefined;
    if (!office) throw errors.unknownReference('office', row.office_id, 'office_id');
  }
  const issues: FieldIssue[] = [];
  if (row.department_id !== null && (before === null || row.department_id !== before.department_id)) {
    const department = await repo.department(row.department_id);
    if (department?.office_id !== row.office_id)
      issues.push({
        path: 'department_id',
        message: `department ${row.department_id} is not a department of the system's office; send department_id (or null) with office_id`,
      });
  }
  for (const field of ['business_owner_id', 'technical_owner_id'] as const) {
    const id = row[field];
    if (id === null || id === before?.[field]) continue;
    const person = await repo.person(id);
    if (!person) issues.push({ path: field, message: `person ${id} is not a person of the organisation` });
    else if (person.active !== 1) issues.push({ path: field, message: `person ${id} is inactive` });
  }
  const previousAssets = new Set<string>(before ? (JSON.parse(before.data_asset_ids) as string[]) : []);
  for (const assetId of JSON.parse(row.data_asset_ids) as string[]) {
    if (previousAssets.has(assetId)) continue;
    const asset = await repo.asset(assetId);
    if (!asset || !inScope(actor, asset.office_id))
      issues.push({ path: 'data_asset_ids', message: `data asset ${assetId} was not found` });
  }
  const unknownApps = (JSON.parse(row.usage_app_ids) as string[]).filter((id) => !knownApps.has(id));
  if (unknownApps.length > 0)
    issues.push({
      path: 'usage_app_ids',
      message: `not in the AI usage catalogue: ${unknownApps.join(', ')}`,
    });
  if (row.approval_status === 'approved_with_conditions' && row.approval_conditions === null)
    issues.push({ path: 'approval_conditions', message: 'say which conditions the approval comes with' });
  const first = issues[0];
  if (first) throw errors.validation(`${first.path}: ${first.message}`, issues);
}

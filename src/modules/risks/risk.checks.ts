import type { Kysely } from 'kysely';
import { AppError, errors, type FieldIssue } from '../../core/errors.js';
import { inScope, type Actor } from '../../core/permissions.js';
import type { Database } from '../../db/schema.js';
import type { RiskRow } from './risk.present.js';
import { RiskRepository } from './risk.repository.js';
import type { RiskLinks } from './risk.schema.js';

/*
 * The checks of a risk write that need the database or the AI usage catalogue: where the risk sits,
 * the people it names and what it links to.
 */

export const RISK_ENTITY = 'risk';
export const RISK_TREATMENT_ENTITY = 'risk_treatment';

/** The risk a call targets: 404 when it does not exist or is outside the caller's scope. */
export async function visibleRisk(repo: RiskRepository, actor: Actor, id: string): Promise<RiskRow> {
  const row = await repo.findById(id);
  if (!row || !inScope(actor, row.office_id)) throw errors.notFound(RISK_ENTITY, id);
  return row;
}

/**
 * Whether a risk exists and lies in the actor's scope, read through `db` (which may be another
 * module's transaction): how other modules check a link to a risk without opening a connection.
 */
export async function riskVisibleIn(db: Kysely<Database>, actor: Actor, id: string): Promise<boolean> {
  const row = await new RiskRepository(db).findById(id);
  return row !== undefined && inScope(actor, row.office_id);
}

/** Four-eyes rule of an acceptance: whoever proposed the risk may not sign it off. */
export function proposedBySigner(actor: Actor, row: RiskRow): boolean {
  return (
    row.proposed_by === actor.label || (actor.personId !== null && actor.personId === row.proposer_person_id)
  );
}

export function fourEyesAcceptance(id: string): AppError {
  return new AppError(
    'four_eyes_required',
    `risk ${id} was proposed by you; its owner or a governance officer who did not propose it must sign the acceptance`,
    { entity: RISK_ENTITY, id },
  );
}

/**
 * Every problem of a risk as it will be written, compared with `before` (null for a new one):
 * 404 for an office the caller cannot see (as for one that does not exist), 400 for the rest.
 * References are checked only when newly named, so an old one does not block an edit.
 */
export async function checkRisk(
  repo: RiskRepository,
  actor: Actor,
  knownApps: ReadonlySet<string>,
  row: RiskRow,
  links: RiskLinks,
  before: { row: RiskRow; links: RiskLinks } | null,
): Promise<void> {
  const old = before?.row;
  if (!old || row.office_id !== old.office_id || row.department_id !== old.department_id) {
    const office = inScope(actor, row.office_id) ? await repo.office(row.office_id) : undefined;
    if (!office) throw errors.unknownReference('office', row.office_id, 'office_id');
  }
  const issues: FieldIssue[] = [];
  if (row.department_id !== null && row.department_id !== old?.department_id) {
    const department = await repo.department(row.department_id);
    if (department?.office_id !== row.office_id)
      issues.push({
        path: 'department_id',
        message: `department ${row.department_id} is not a department of the risk's office`,
      });
  }
  for (const field of ['owner_person_id', 'proposer_person_id'] as const) {
    const id = row[field];
    if (id === null || id === old?.[field]) continue;
    const person = await repo.person(id);
    if (!person) issues.push({ path: field, message: `person ${id} is not a person of the organisation` });
    else if (person.active !== 1) issues.push({ path: field, message: `person ${id} is inactive` });
  }
  if ((row.residual_likelihood === null) !== (row.residual_impact === null))
    issues.push({
      path: row.residual_likelihood === null ? 'residual_likelihood' : 'residual_impact',
      message: 'rate the residual likelihood and impact together (or neither)',
    });
  const isNew = (field: keyof RiskLinks, id: string) => !before?.links[field].includes(id);
  const inScopeRecord = async (
    find: (id: string) => Promise<{ office_id: string } | undefined>,
    id: string,
  ) => {
    const found = await find(id);
    return found !== undefined && inScope(actor, found.office_id);
  };
  for (const id of links.asset_ids.filter((id) => isNew('asset_ids', id)))
    if (!(await inScopeRecord((i) => repo.asset(i), id)))
      issues.push({ path: 'asset_ids', message: `data asset ${id} was not found` });
  for (const id of links.ai_system_ids.filter((id) => isNew('ai_system_ids', id)))
    if (!(await inScopeRecord((i) => repo.aiSystem(i), id)))
      issues.push({ path: 'ai_system_ids', message: `AI system ${id} was not found` });
  for (const id of links.office_ids.filter((id) => isNew('office_ids', id)))
    if (!inScope(actor, id) || !(await repo.office(id)))
      issues.push({ path: 'office_ids', message: `office ${id} was not found` });
  const unknownApps = links.usage_app_ids.filter((id) => !knownApps.has(id));
  if (unknownApps.length > 0)
    issues.push({
      path: 'usage_app_ids',
      message: `not in the AI usage catalogue: ${unknownApps.join(', ')}`,
    });
  const first = issues[0];
  if (first) throw errors.validation(`${first.path}: ${first.message}`, issues);
}

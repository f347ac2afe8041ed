import type { RequestContext } from '../../core/audit.js';
import { isoDate, isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { requirePermission } from '../../core/permissions.js';
import { inTransaction, throwStale, type ServiceDeps } from '../../core/service-context.js';
import type { RiskActions } from './risk-actions.js';
import { RISK_TREATMENT_ENTITY, visibleRisk } from './risk.checks.js';
import { presentTreatment, type TreatmentRow } from './risk.present.js';
import { RiskRepository } from './risk.repository.js';
import type { RiskTreatment, TreatmentCreate, TreatmentUpdate } from './risk.schema.js';

/**
 * A risk's treatment actions: each has an owner and a due date, and while not done it is an open
 * action (source `risk`) in its owner's "my actions". Needs 'risk.write' and the risk in scope.
 */
export class RiskTreatmentService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly actions: RiskActions,
  ) {}

  async add(ctx: RequestContext, riskId: string, input: TreatmentCreate): Promise<RiskTreatment> {
    requirePermission(ctx.actor, 'risk.write');
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new RiskRepository(trx);
      const risk = await visibleRisk(repo, ctx.actor, riskId);
      await checkOwner(repo, input.owner_person_id ?? null);
      const now = isoNow(this.deps.clock);
      const row: TreatmentRow = {
        id: newId(),
        risk_id: riskId,
        description: input.description,
        owner_person_id: input.owner_person_id ?? null,
        due_date: input.due_date,
        status: input.status ?? 'planned',
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await repo.insertTreatment(row);
      await this.actions.syncIn(trx, risk);
      const treatment = presentTreatment(row, this.today());
      await audit({
        action: 'create',
        entityType: RISK_TREATMENT_ENTITY,
        entityId: row.id,
        officeId: risk.office_id,
        after: treatment,
      });
      return treatment;
    });
  }

  async update(
    ctx: RequestContext,
    riskId: string,
    id: string,
    input: TreatmentUpdate,
  ): Promise<RiskTreatment> {
    requirePermission(ctx.actor, 'risk.write');
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new RiskRepository(trx);
      const risk = await visibleRisk(repo, ctx.actor, riskId);
      const before = await treatmentOf(repo, riskId, id);
      const { version, ...changes } = input;
      if (before.version !== version) throwStale(RISK_TREATMENT_ENTITY, id, version, before);
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      const row: TreatmentRow = { ...before, ...defined };
      const today = this.today();
      if (
        !(['description', 'owner_person_id', 'due_date', 'status'] as const).some((k) => row[k] !== before[k])
      )
        return presentTreatment(before, today);
      if (row.owner_person_id !== before.owner_person_id) await checkOwner(repo, row.owner_person_id);
      const now = isoNow(this.deps.clock);
      const { id: _id, risk_id: _risk, version: _version, created_at: _created, ...columns } = row;
      if (!(await repo.updateTreatment(id, version, { ...columns, updated_at: now })))
        throwStale(RISK_TREATMENT_ENTITY, id, version, await repo.treatment(id));
      await this.actions.syncIn(trx, risk);
      const after = presentTreatment({ ...row, version: version + 1, updated_at: now }, today);
      await audit({
        action: 'update',
        entityType: RISK_TREATMENT_ENTITY,
        entityId: id,
        officeId: risk.office_id,
        before: presentTreatment(before, today),
        after,
      });
      return after;
    });
  }

  async remove(ctx: RequestContext, riskId: string, id: string, version: number): Promise<void> {
    requirePermission(ctx.actor, 'risk.write');
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new RiskRepository(trx);
      const risk = await visibleRisk(repo, ctx.actor, riskId);
      const before = await treatmentOf(repo, riskId, id);
      if (before.version !== version || !(await repo.deleteTreatment(id, version)))
        throwStale(RISK_TREATMENT_ENTITY, id, version, before);
      await this.actions.syncIn(trx, risk);
      await audit({
        action: 'delete',
        entityType: RISK_TREATMENT_ENTITY,
        entityId: id,
        officeId: risk.office_id,
        before: presentTreatment(before, this.today()),
      });
    });
  }

  private today(): string {
    return isoDate(this.deps.clock.now());
  }
}

async function treatmentOf(repo: RiskRepository, riskId: string, id: string): Promise<TreatmentRow> {
  const row = await repo.treatment(id);
  if (!row || row.risk_id !== riskId) throw errors.notFound(RISK_TREATMENT_ENTITY, id);
  return row;
}

async function checkOwner(repo: RiskRepository, id: string | null): Promise<void> {
  if (id === null) return;
  const person = await repo.person(id);
  const message = !person
    ? `person ${id} is not a person of the organisation`
    : person.active !== 1
      ? `person ${id} is inactive`
      : null;
  if (message) throw errors.validation(`owner_person_id: ${message}`, [{ path: 'owner_person_id', message }]);
}

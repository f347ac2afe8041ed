import type { Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import { isoDate, isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { allRows, listWindow, toPage, type Page, type PageQuery } from '../../core/pagination.js';
import { hasPermission, requirePermission, type Actor } from '../../core/permissions.js';
import { inTransaction, throwStale, type AuditWriter, type ServiceDeps } from '../../core/service-context.js';
import type { RiskActions } from './risk-actions.js';
import { checkRisk, fourEyesAcceptance, proposedBySigner, RISK_ENTITY, visibleRisk } from './risk.checks.js';
import {
  NO_LINKS,
  presentAcceptance,
  presentRisk,
  presentTreatment,
  riskSearchText,
  sameLinks,
  sortedLinks,
  storedText,
  type RiskRow,
} from './risk.present.js';
import { RISK_SORT_COLUMNS, RiskRepository, type RiskFilter } from './risk.repository.js';
import { currentLevel, heatMap } from './risk-scoring.js';
import type { Database } from '../../db/schema.js';
import type {
  AcceptRisk,
  Risk,
  RiskCreate,
  RiskDetail,
  RiskFinding,
  RiskLinks,
  RiskListQuery,
  RiskSummary,
  RiskUpdate,
} from './risk.schema.js';

export { RISK_ENTITY } from './risk.checks.js';

/** The columns that say something about a risk: equal on all of them (and the links) means "unchanged". */
export const RISK_DATA_COLUMNS = [
  'title',
  'description',
  'category',
  'cause',
  'consequence',
  'office_id',
  'department_id',
  'owner_person_id',
  'proposer_person_id',
  'inherent_likelihood',
  'inherent_impact',
  'existing_controls',
  'residual_likelihood',
  'residual_impact',
  'treatment',
  'status',
  'next_review_date',
] as const satisfies readonly (keyof RiskRow)[];

/**
 * The risk register. Reads need 'risk.read', writes 'risk.write'; a risk belongs to an office and is
 * seen and changed only by callers whose scope holds that office (otherwise 404). Accepting a risk
 * needs 'risk.accept' or being its owner, and never the person who proposed it (four_eyes_required).
 * Every change is audited in its transaction; a stale version answers 409 and changes nothing.
 */
export class RiskService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly knownApps: ReadonlySet<string>,
    private readonly actions: RiskActions,
  ) {}

  private repo(): RiskRepository {
    return new RiskRepository(this.deps.db.kysely);
  }

  private today(): string {
    return isoDate(this.deps.clock.now());
  }

  async list(ctx: RequestContext, query: RiskListQuery & Partial<PageQuery>): Promise<Page<Risk>> {
    requirePermission(ctx.actor, 'risk.read');
    const window = listWindow(query, RISK_SORT_COLUMNS, 'title');
    const repo = this.repo();
    const rows = await repo.list(this.filter(ctx.actor, query), window);
    const links = await repo.links(rows.map((row) => row.id));
    const today = this.today();
    return toPage(
      rows,
      window.limit,
      (row) => row[window.sort.column],
      (row) => presentRisk(row, links.get(row.id) ?? NO_LINKS, today),
    );
  }

  async get(ctx: RequestContext, id: string): Promise<RiskDetail> {
    requirePermission(ctx.actor, 'risk.read');
    const repo = this.repo();
    const row = await visibleRisk(repo, ctx.actor, id);
    const today = this.today();
    return {
      ...presentRisk(row, (await repo.links([id])).get(id) ?? NO_LINKS, today),
      treatments: (await repo.treatments(id)).map((t) => presentTreatment(t, today)),
      acceptances: (await repo.acceptances(id)).map(presentAcceptance),
    };
  }

  async create(ctx: RequestContext, input: RiskCreate, source: string | null = null): Promise<Risk> {
    requirePermission(ctx.actor, 'risk.write');
    return inTransaction(this.deps, ctx, (trx, audit) => this.createIn(trx, audit, ctx, input, source));
  }

  /**
   * Raise a risk from another module's finding (an assessment, a scan): a new open risk of the
   * finding's office, proposed by the caller, rated 3 × 3 unless the finding says otherwise.
   */
  async createFromFinding(ctx: RequestContext, finding: RiskFinding): Promise<Risk> {
    return this.create(
      ctx,
      {
        title: finding.title,
        description: finding.description ?? null,
        category: finding.category,
        office_id: finding.office_id,
        inherent_likelihood: finding.likelihood ?? 3,
        inherent_impact: finding.impact ?? 3,
        ...finding.links,
      },
      finding.source,
    );
  }

  /** `create` inside the caller's transaction (the spreadsheet import writes many in one). */
  async createIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    input: RiskCreate,
    source: string | null = null,
  ): Promise<Risk> {
    requirePermission(ctx.actor, 'risk.write');
    const repo = new RiskRepository(trx);
    const now = isoNow(this.deps.clock);
    const fields = {
      title: input.title,
      description: storedText(input.description),
      category: input.category,
      cause: storedText(input.cause),
      consequence: storedText(input.consequence),
      office_id: input.office_id,
      department_id: input.department_id ?? null,
      owner_person_id: input.owner_person_id ?? null,
      proposer_person_id:
        input.proposer_person_id === undefined ? ctx.actor.personId : input.proposer_person_id,
      inherent_likelihood: input.inherent_likelihood,
      inherent_impact: input.inherent_impact,
      existing_controls: storedText(input.existing_controls),
      residual_likelihood: input.residual_likelihood ?? null,
      residual_impact: input.residual_impact ?? null,
      treatment: input.treatment ?? null,
      status: input.status ?? 'open',
      next_review_date: input.next_review_date ?? null,
    };
    const row: RiskRow = {
      id: newId(),
      ...fields,
      proposed_by: ctx.actor.label,
      level: currentLevel(fields),
      acceptance_expires_on: null,
      source,
      search_text: riskSearchText(fields),
      version: 1,
      created_at: now,
      updated_at: now,
    };
    const links = sortedLinks({ ...NO_LINKS, ...pickLinks(input) });
    await checkRisk(repo, ctx.actor, this.knownApps, row, links, null);
    await repo.insert(row);
    await repo.replaceLinks(row.id, links);
    const risk = presentRisk(row, links, this.today());
    await audit({
      action: 'create',
      entityType: RISK_ENTITY,
      entityId: row.id,
      officeId: row.office_id,
      after: risk,
    });
    return risk;
  }

  async update(ctx: RequestContext, id: string, input: RiskUpdate): Promise<Risk> {
    requirePermission(ctx.actor, 'risk.write');
    return inTransaction(this.deps, ctx, (trx, audit) => this.updateIn(trx, audit, ctx, id, input));
  }

  /** `update` inside the caller's transaction; a change that changes nothing writes nothing. */
  async updateIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    id: string,
    input: RiskUpdate,
  ): Promise<Risk> {
    requirePermission(ctx.actor, 'risk.write');
    const repo = new RiskRepository(trx);
    const { version, asset_ids, ai_system_ids, usage_app_ids, office_ids, ...changes } = input;
    const before = await visibleRisk(repo, ctx.actor, id);
    if (before.version !== version) throwStale(RISK_ENTITY, id, version, before);
    const beforeLinks = (await repo.links([id])).get(id) ?? NO_LINKS;
    const links = sortedLinks({
      ...beforeLinks,
      ...pickLinks({ asset_ids, ai_system_ids, usage_app_ids, office_ids }),
    });
    const merged: RiskRow = { ...before, ...storedChanges(changes) };
    // Leaving `accepted` by an edit ends the sign-off in force.
    const acceptance = merged.status === 'accepted' ? merged.acceptance_expires_on : null;
    const row: RiskRow = {
      ...merged,
      level: currentLevel(merged),
      acceptance_expires_on: acceptance,
      search_text: riskSearchText(merged),
      updated_at: isoNow(this.deps.clock),
    };
    const today = this.today();
    if (!RISK_DATA_COLUMNS.some((column) => row[column] !== before[column]) && sameLinks(links, beforeLinks))
      return presentRisk(before, beforeLinks, today);
    await checkRisk(repo, ctx.actor, this.knownApps, row, links, { row: before, links: beforeLinks });
    const { id: _id, version: _version, created_at: _created, ...columns } = row;
    if (!(await repo.update(id, version, columns)))
      throwStale(RISK_ENTITY, id, version, await repo.findById(id));
    if (!sameLinks(links, beforeLinks)) await repo.replaceLinks(id, links);
    if (row.office_id !== before.office_id) await this.actions.syncIn(trx, row);
    const after = presentRisk({ ...row, version: version + 1 }, links, today);
    await audit({
      action: 'update',
      entityType: RISK_ENTITY,
      entityId: id,
      officeId: row.office_id,
      before: presentRisk(before, beforeLinks, today),
      after,
    });
    return after;
  }

  /** Delete a risk with its links, treatments and sign-offs; its open actions close. */
  async remove(ctx: RequestContext, id: string, version: number): Promise<void> {
    requirePermission(ctx.actor, 'risk.write');
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new RiskRepository(trx);
      const before = await visibleRisk(repo, ctx.actor, id);
      if (before.version !== version) throwStale(RISK_ENTITY, id, version, before);
      const links = (await repo.links([id])).get(id) ?? NO_LINKS;
      const treatments = (await repo.treatments(id)).length;
      if (!(await repo.delete(id, version))) throwStale(RISK_ENTITY, id, version, await repo.findById(id));
      await this.actions.syncIn(trx, before);
      await audit({
        action: 'delete',
        entityType: RISK_ENTITY,
        entityId: id,
        officeId: before.office_id,
        before: { ...presentRisk(before, links, this.today()), treatments },
      });
    });
  }

  /**
   * Sign off the acceptance of a risk: by a holder of 'risk.accept' or the risk's owner (with
   * 'risk.write'), never by whoever proposed it; with a justification and an expiry in the future.
   */
  async accept(ctx: RequestContext, id: string, input: AcceptRisk): Promise<RiskDetail> {
    requirePermission(ctx.actor, 'risk.read');
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new RiskRepository(trx);
      const before = await visibleRisk(repo, ctx.actor, id);
      const owner = ctx.actor.personId !== null && ctx.actor.personId === before.owner_person_id;
      if (!hasPermission(ctx.actor, 'risk.accept') && !(owner && hasPermission(ctx.actor, 'risk.write')))
        throw errors.forbidden('risk.accept');
      if (proposedBySigner(ctx.actor, before)) throw fourEyesAcceptance(id);
      if (before.version !== input.version) throwStale(RISK_ENTITY, id, input.version, before);
      const today = this.today();
      if (before.status === 'closed')
        throw errors.validation('status: a closed risk cannot be accepted; reopen it first', [
          { path: 'status', message: 'closed' },
        ]);
      if (input.expires_on <= today)
        throw errors.validation(`expires_on: the acceptance must expire after today (${today})`, [
          { path: 'expires_on', message: 'must be in the future' },
        ]);
      const now = isoNow(this.deps.clock);
      const signOff = {
        id: newId(),
        risk_id: id,
        signed_by: ctx.actor.label,
        signer_person_id: ctx.actor.personId,
        justification: input.justification,
        expires_on: input.expires_on,
        signed_at: now,
      };
      await repo.insertAcceptance(signOff);
      const changes = {
        status: 'accepted',
        treatment: 'accept',
        acceptance_expires_on: input.expires_on,
        updated_at: now,
      };
      if (!(await repo.update(id, input.version, changes)))
        throwStale(RISK_ENTITY, id, input.version, await repo.findById(id));
      const links = (await repo.links([id])).get(id) ?? NO_LINKS;
      await audit({
        action: 'accept',
        entityType: RISK_ENTITY,
        entityId: id,
        officeId: before.office_id,
        before: presentRisk(before, links, today),
        after: {
          ...presentRisk({ ...before, ...changes, version: input.version + 1 }, links, today),
          acceptance: signOff,
        },
      });
    });
    return this.get(ctx, id);
  }

  /** Heat maps and counts for the dashboard, over the risks in the caller's scope (closed ones left out). */
  async summary(ctx: RequestContext): Promise<RiskSummary> {
    requirePermission(ctx.actor, 'risk.read');
    const repo = this.repo();
    const filter = this.filter(ctx.actor, {});
    const all = await this.all(repo, filter);
    const rows = all.filter((row) => row.status !== 'closed');
    const today = this.today();
    const count = (keys: readonly string[]) => {
      const counts: Record<string, number> = {};
      for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
      return counts;
    };
    const byOffice = count(rows.map((row) => row.office_id));
    return {
      total: rows.length,
      heat_map: {
        inherent: heatMap(
          rows.map((row) => ({ likelihood: row.inherent_likelihood, impact: row.inherent_impact })),
        ),
        residual: heatMap(
          rows.map((row) => ({ likelihood: row.residual_likelihood, impact: row.residual_impact })),
        ),
      },
      by_level: count(rows.map((row) => row.level)),
      by_status: count(all.map((row) => row.status)),
      by_category: count(rows.map((row) => row.category)),
      by_office: Object.entries(byOffice)
        .map(([office_id, n]) => ({ office_id, count: n }))
        .toSorted((a, b) => b.count - a.count || a.office_id.localeCompare(b.office_id)),
      overdue_treatments: (await repo.overdueTreatments(filter.scope, today)).map((row) => ({
        ...presentTreatment(row, today),
        risk_title: row.risk_title,
        office_id: row.office_id,
      })),
      overdue_reviews: rows
        .filter((row) => presentRisk(row, NO_LINKS, today).needs_review)
        .map((row) => ({
          id: row.id,
          title: row.title,
          office_id: row.office_id,
          level: presentRisk(row, NO_LINKS, today).level,
          next_review_date: row.next_review_date,
          acceptance_expires_on: row.acceptance_expires_on,
        })),
    };
  }

  /** Every risk matching the filter, read page by page (exports and the dashboard). */
  async all(repo: RiskRepository, filter: RiskFilter): Promise<RiskRow[]> {
    return allRows((window) => repo.list(filter, window), 'title');
  }

  filter(actor: Actor, query: RiskListQuery): RiskFilter {
    return {
      scope: actor.scope.kind === 'all' ? undefined : actor.scope.officeIds,
      q: query.q,
      category: query.category,
      officeId: query.office_id,
      regionId: query.region_id,
      status: query.status,
      ownerId: query.owner_person_id,
      level: query.level,
      overdueOn: query.overdue ? this.today() : undefined,
    };
  }
}

function pickLinks(input: Partial<RiskLinks>): Partial<RiskLinks> {
  const links: Partial<RiskLinks> = {};
  for (const key of ['asset_ids', 'ai_system_ids', 'usage_app_ids', 'office_ids'] as const)
    if (input[key] !== undefined) links[key] = input[key];
  return links;
}

/** The stored form of the fields a change sends ('' clears optional text). */
function storedChanges(changes: Partial<Omit<RiskUpdate, 'version'>>): Partial<RiskRow> {
  const stored: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    stored[key] = typeof value === 'string' && key !== 'title' ? storedText(value) : value;
  }
  return stored as Partial<RiskRow>;
}

import type { RequestContext } from '../../core/audit.js';
import { isoDate, isoNow } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { allRows, listWindow, toPage, type Page, type PageQuery } from '../../core/pagination.js';
import { requirePermission, type Actor } from '../../core/permissions.js';
import { inTransaction, throwStale, type AuditWriter, type ServiceDeps } from '../../core/service-context.js';
import { AI_SYSTEM_ENTITY, checkAiSystem, visibleSystem, type KnownAppIds } from './ai-system.checks.js';
import {
  aiSystemSearchText,
  presentAiSystem,
  storedAffected,
  storedPublicFields,
  storedText,
  type AiSystemRow,
} from './ai-system.present.js';
import { AI_SYSTEM_SORT_COLUMNS, AiSystemRepository, type AiSystemFilter } from './ai-system.repository.js';
import type { Tier } from './ai-act.schema.js';
import {
  DEFAULT_PUBLIC_FIELDS,
  SUMMARY_LIST_LIMIT,
  type AiSystem,
  type AiSystemCreate,
  type AiSystemListQuery,
  type AiSystemSummary,
  type AiSystemUpdate,
  type UsageAppChoice,
} from './ai-system.schema.js';

export { AI_SYSTEM_ENTITY } from './ai-system.checks.js';

/** The columns that say something about a system: equal on all of them means "unchanged". */
export const AI_SYSTEM_DATA_COLUMNS = [
  'name',
  'public_description',
  'purpose',
  'office_id',
  'department_id',
  'business_owner_id',
  'technical_owner_id',
  'provider',
  'contract',
  'models',
  'deployment',
  'lifecycle',
  'users',
  'affected_people',
  'decisions_informed',
  'human_oversight',
  'personal_data',
  'approval_status',
  'approval_conditions',
  'dpia_done',
  'dpia_reference',
  'usage_app_ids',
  'data_asset_ids',
  'languages',
  'countries',
  'alternatives_considered',
  'risks_and_mitigations',
  'public',
  'public_fields',
] as const satisfies readonly (keyof AiSystemRow)[];

/**
 * The AI systems register. Reads need 'ai.read', writes 'ai.write'; a system belongs to an office
 * and is seen and changed only by callers whose scope holds that office (otherwise 404). Every change
 * is audited in its transaction; a stale version answers 409 and changes nothing. The tier and review
 * date are not written here: verification of a classification sets them (AiClassificationService).
 */
export class AiSystemService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly knownApps: KnownAppIds,
    private readonly appChoices: readonly UsageAppChoice[] = [],
  ) {}

  /** The AI usage catalogue's apps a system may name in usage_app_ids (for pickers). */
  usageAppChoices(ctx: RequestContext): UsageAppChoice[] {
    requirePermission(ctx.actor, 'ai.read');
    return [...this.appChoices];
  }

  private repo(): AiSystemRepository {
    return new AiSystemRepository(this.deps.db.kysely);
  }

  async list(ctx: RequestContext, query: AiSystemListQuery & Partial<PageQuery>): Promise<Page<AiSystem>> {
    requirePermission(ctx.actor, 'ai.read');
    const window = listWindow(query, AI_SYSTEM_SORT_COLUMNS, 'name');
    const rows = await this.repo().list(this.filter(ctx.actor, query), window);
    return toPage(rows, window.limit, (row) => row[window.sort.column], presentAiSystem);
  }

  async get(ctx: RequestContext, id: string): Promise<AiSystem> {
    requirePermission(ctx.actor, 'ai.read');
    return presentAiSystem(await visibleSystem(this.repo(), ctx.actor, id));
  }

  async create(ctx: RequestContext, input: AiSystemCreate): Promise<AiSystem> {
    requirePermission(ctx.actor, 'ai.write');
    return inTransaction(this.deps, ctx, (trx, audit) =>
      this.createIn(new AiSystemRepository(trx), audit, ctx, input),
    );
  }

  /** `create` inside the caller's transaction (the spreadsheet import writes many in one). */
  async createIn(
    repo: AiSystemRepository,
    audit: AuditWriter,
    ctx: RequestContext,
    input: AiSystemCreate,
  ): Promise<AiSystem> {
    requirePermission(ctx.actor, 'ai.write');
    const now = isoNow(this.deps.clock);
    const fields = {
      name: input.name,
      public_description: storedText(input.public_description),
      purpose: storedText(input.purpose),
      office_id: input.office_id,
      department_id: input.department_id ?? null,
      business_owner_id: input.business_owner_id ?? null,
      technical_owner_id: input.technical_owner_id ?? null,
      provider: storedText(input.provider),
      contract: storedText(input.contract),
      models: JSON.stringify(input.models ?? []),
      deployment: input.deployment ?? null,
      lifecycle: input.lifecycle ?? 'idea',
      users: storedText(input.users),
      affected_people: storedAffected(input.affected_people ?? []),
      decisions_informed: storedText(input.decisions_informed),
      human_oversight: storedText(input.human_oversight),
      personal_data: input.personal_data ? 1 : 0,
      approval_status: input.approval_status ?? 'under_review',
      approval_conditions: storedText(input.approval_conditions),
      dpia_done: input.dpia_done ? 1 : 0,
      dpia_reference: storedText(input.dpia_reference),
      usage_app_ids: JSON.stringify(input.usage_app_ids ?? []),
      data_asset_ids: JSON.stringify(input.data_asset_ids ?? []),
      languages: JSON.stringify(input.languages ?? []),
      countries: JSON.stringify(input.countries ?? []),
      alternatives_considered: storedText(input.alternatives_considered),
      risks_and_mitigations: storedText(input.risks_and_mitigations),
      public: input.public ? 1 : 0,
      public_fields: storedPublicFields(input.public_fields ?? DEFAULT_PUBLIC_FIELDS),
    };
    const row: AiSystemRow = {
      id: newId(),
      ...fields,
      tier: null,
      next_review_date: null,
      search_text: aiSystemSearchText(fields),
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await checkAiSystem(repo, ctx.actor, this.knownApps, row, null);
    await repo.insert(row);
    const system = presentAiSystem(row);
    await audit({
      action: 'create',
      entityType: AI_SYSTEM_ENTITY,
      entityId: row.id,
      officeId: row.office_id,
      after: system,
    });
    return system;
  }

  async update(ctx: RequestContext, id: string, input: AiSystemUpdate): Promise<AiSystem> {
    requirePermission(ctx.actor, 'ai.write');
    return inTransaction(this.deps, ctx, (trx, audit) =>
      this.updateIn(new AiSystemRepository(trx), audit, ctx, id, input),
    );
  }

  /** `update` inside the caller's transaction; a change that changes nothing writes nothing. */
  async updateIn(
    repo: AiSystemRepository,
    audit: AuditWriter,
    ctx: RequestContext,
    id: string,
    input: AiSystemUpdate,
  ): Promise<AiSystem> {
    requirePermission(ctx.actor, 'ai.write');
    const { version, ...changes } = input;
    const before = await visibleSystem(repo, ctx.actor, id);
    if (before.version !== version) throwStale(AI_SYSTEM_ENTITY, id, version, before);
    const merged: AiSystemRow = { ...before, ...storedChanges(changes) };
    const row: AiSystemRow = {
      ...merged,
      search_text: aiSystemSearchText(merged),
      updated_at: isoNow(this.deps.clock),
    };
    if (!AI_SYSTEM_DATA_COLUMNS.some((column) => row[column] !== before[column]))
      return presentAiSystem(before);
    await checkAiSystem(repo, ctx.actor, this.knownApps, row, before);
    const { id: _id, version: _version, created_at: _created, ...columns } = row;
    if (!(await repo.update(id, version, columns)))
      throwStale(AI_SYSTEM_ENTITY, id, version, await repo.findById(id));
    const after = presentAiSystem({ ...row, version: version + 1 });
    await audit({
      action: 'update',
      entityType: AI_SYSTEM_ENTITY,
      entityId: id,
      officeId: row.office_id,
      before: presentAiSystem(before),
      after,
    });
    return after;
  }

  /** Delete a system with its classifications (one audit event: the classifications are part of it). */
  async remove(ctx: RequestContext, id: string, version: number): Promise<void> {
    requirePermission(ctx.actor, 'ai.write');
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new AiSystemRepository(trx);
      const before = await visibleSystem(repo, ctx.actor, id);
      if (before.version !== version) throwStale(AI_SYSTEM_ENTITY, id, version, before);
      const classifications = (await repo.classifications(id)).length;
      if (!(await repo.delete(id, version)))
        throwStale(AI_SYSTEM_ENTITY, id, version, await repo.findById(id));
      await audit({
        action: 'delete',
        entityType: AI_SYSTEM_ENTITY,
        entityId: id,
        officeId: before.office_id,
        before: { ...presentAiSystem(before), classifications },
      });
    });
  }

  /** The dashboard: counts and lists over the systems in the caller's scope. */
  async summary(ctx: RequestContext): Promise<AiSystemSummary> {
    requirePermission(ctx.actor, 'ai.read');
    const repo = this.repo();
    const rows = await this.all(repo, this.filter(ctx.actor, {}));
    const statuses = await repo.latestStatuses(rows.map((row) => row.id));
    const [offices, departments] = [await repo.officeNames(), await repo.departmentNames()];
    const today = isoDate(this.deps.clock.now());
    const overdue = rows
      .filter((row) => isReviewDue(row, today))
      .toSorted(
        (a, b) => a.next_review_date!.localeCompare(b.next_review_date!) || a.name.localeCompare(b.name),
      );
    const owners = await repo.peopleNames(
      overdue.flatMap((row) => row.business_owner_id ?? row.technical_owner_id ?? []),
    );
    const noAssessment = rows.filter(
      (row) => row.tier === 'high' && (row.dpia_done === 0 || row.dpia_reference === null),
    );
    const byOffice = countBy(rows, (row) => row.office_id);
    const byDepartment = countBy(rows, (row) => `${row.office_id}/${row.department_id ?? ''}`);
    const byCount = (a: { count: number; name: string | null }, b: { count: number; name: string | null }) =>
      b.count - a.count || (a.name ?? '').localeCompare(b.name ?? '');
    return {
      total: rows.length,
      by_tier: countBy(rows, (row) => row.tier ?? 'unclassified'),
      by_classification_status: countBy(rows, (row) => statuses.get(row.id) ?? 'none'),
      by_approval_status: countBy(rows, (row) => row.approval_status),
      by_lifecycle: countBy(rows, (row) => row.lifecycle),
      by_office: Object.entries(byOffice)
        .map(([office_id, count]) => ({ office_id, name: offices.get(office_id)?.name ?? null, count }))
        .toSorted(byCount),
      by_department: Object.entries(byDepartment)
        .map(([key, count]) => {
          const [office_id = '', department = ''] = key.split('/');
          const department_id = department || null;
          const name = department_id ? (departments.get(department_id)?.name ?? null) : null;
          return { office_id, department_id, name, count };
        })
        .toSorted(byCount),
      review_overdue: overdue.length,
      high_risk_without_dpia: rows.filter((row) => row.tier === 'high' && row.dpia_done === 0).length,
      overdue_reviews: overdue.slice(0, SUMMARY_LIST_LIMIT).map((row) => ({
        id: row.id,
        name: row.name,
        office_id: row.office_id,
        tier: row.tier as Tier | null,
        next_review_date: row.next_review_date!,
        owner_name: owners.get(row.business_owner_id ?? row.technical_owner_id ?? '') ?? null,
      })),
      high_risk_without_assessment: noAssessment.slice(0, SUMMARY_LIST_LIMIT).map((row) => ({
        id: row.id,
        name: row.name,
        office_id: row.office_id,
        dpia_done: row.dpia_done === 1,
        dpia_reference: row.dpia_reference,
      })),
    };
  }

  /** Every system matching the filter, read page by page (exports and the dashboard). */
  async all(repo: AiSystemRepository, filter: AiSystemFilter): Promise<AiSystemRow[]> {
    return allRows((window) => repo.list(filter, window), 'name');
  }

  filter(actor: Actor, query: AiSystemListQuery): AiSystemFilter {
    return {
      scope: actor.scope.kind === 'all' ? undefined : actor.scope.officeIds,
      q: query.q,
      tier: query.tier === undefined ? undefined : query.tier === 'unclassified' ? null : query.tier,
      approvalStatus: query.approval_status,
      lifecycle: query.lifecycle,
      officeId: query.office_id,
      reviewDueBy: query.review_overdue ? isoDate(this.deps.clock.now()) : undefined,
      noDpia: query.no_dpia,
    };
  }
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** A review is overdue once its date is reached; retired systems are not reviewed. */
export function isReviewDue(
  row: Pick<AiSystemRow, 'next_review_date' | 'lifecycle'>,
  today: string,
): boolean {
  return row.next_review_date !== null && row.next_review_date <= today && row.lifecycle !== 'retired';
}

/** The stored form of the fields a change sends ('' clears optional text). */
function storedChanges(changes: Omit<AiSystemUpdate, 'version'>): Partial<AiSystemRow> {
  const {
    models,
    affected_people,
    usage_app_ids,
    data_asset_ids,
    languages,
    countries,
    personal_data,
    dpia_done,
    public: isPublic,
    public_fields: publicFields,
    ...plain
  } = changes;
  const stored: Partial<AiSystemRow> = {};
  for (const [key, value] of Object.entries(plain) as [keyof typeof plain, unknown][]) {
    if (value === undefined) continue;
    (stored as Record<string, unknown>)[key] = typeof value === 'string' ? storedText(value) : value;
  }
  if (models !== undefined) stored.models = JSON.stringify(models);
  if (affected_people !== undefined) stored.affected_people = storedAffected(affected_people);
  if (usage_app_ids !== undefined) stored.usage_app_ids = JSON.stringify(usage_app_ids);
  if (data_asset_ids !== undefined) stored.data_asset_ids = JSON.stringify(data_asset_ids);
  if (languages !== undefined) stored.languages = JSON.stringify(languages);
  if (countries !== undefined) stored.countries = JSON.stringify(countries);
  if (personal_data !== undefined) stored.personal_data = personal_data ? 1 : 0;
  if (dpia_done !== undefined) stored.dpia_done = dpia_done ? 1 : 0;
  if (isPublic !== undefined) stored.public = isPublic ? 1 : 0;
  if (publicFields !== undefined) stored.public_fields = storedPublicFields(publicFields);
  return stored;
}

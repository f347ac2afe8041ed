import type { Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import { isoDate, isoNow } from '../../core/clock.js';
import { AppError, errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { decodeCursor, toPage, type Page, type PageQuery } from '../../core/pagination.js';
import { SPREADSHEET_CONTENT_TYPES } from '../../core/tabular/spreadsheet-file.js';
import { hasPermission, inScope, requirePermission, type Actor } from '../../core/permissions.js';
import { inTransaction, throwStale, type AuditWriter, type ServiceDeps } from '../../core/service-context.js';
import type { Database } from '../../db/schema.js';
import type { StoredFile } from '../files/files.service.js';
import type { CatalogueFramework } from '../frameworks/frameworks.catalogue.js';
import type { Language } from '../frameworks/frameworks.schema.js';
import type { FrameworkService } from '../frameworks/frameworks.service.js';
import { computeProgress, countStatuses } from './compliance-progress.js';
import { assessmentXlsx } from './compliance-xlsx.js';
import {
  ASSESSMENT,
  statusMap,
  storedAssessment,
  throwIssues,
  visible,
  visibleOffices,
} from './compliance.common.js';
import { EVIDENCE_OWNER, NO_LINKED_MODULES, type ComplianceLinkChecks } from './compliance.links.js';
import { presentAssessment, presentRequirements } from './compliance.present.js';
import {
  ComplianceRepository,
  type AssessmentRow,
  type AssessmentView,
  type RequirementRow,
} from './compliance.repository.js';
import {
  addEvidenceFileIn,
  assessRequirementIn,
  evidenceFileOf,
  type RequirementServices,
} from './compliance.requirements.js';
import {
  ORGANISATION,
  type AssessedRequirement,
  type Assessment,
  type AssessmentCreate,
  type AssessmentDetail,
  type AssessmentListItem,
  type AssessmentListQuery,
  type AssessmentProgress,
  type AssessmentUpdate,
  type RequirementUpdate,
} from './compliance.schema.js';

/** An assessment file ready to download or save. */
export interface AssessmentFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

/**
 * Compliance assessments against a framework of the library, for the whole organisation or one office
 * (or HQ department), and the status of each of the framework's requirements.
 *
 * 'compliance.read' for every role, within scope: a caller limited to offices sees those offices'
 * assessments; organisation-wide assessments only organisation-wide roles see (like actions without an
 * office). 'compliance.write' creates, changes and deletes them and sets requirements' statuses.
 */
export class ComplianceService {
  private readonly requirements: RequirementServices;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly frameworks: FrameworkService,
    private readonly links: ComplianceLinkChecks = NO_LINKED_MODULES,
  ) {
    this.requirements = { deps, frameworks, links };
    // Whoever may see the assessment may download its evidence files (also through /api/files).
    links.files?.registerOwner(EVIDENCE_OWNER, async (ctx, id) => {
      if (!hasPermission(ctx.actor, 'compliance.read')) return false;
      const view = await this.repo().find(id);
      return view !== undefined && inScope(ctx.actor, view.office_id);
    });
  }

  private repo(): ComplianceRepository {
    return new ComplianceRepository(this.deps.db.kysely);
  }

  /** Newest first, a page at a time. */
  async list(
    ctx: RequestContext,
    query: AssessmentListQuery & Partial<PageQuery> = {},
  ): Promise<Page<AssessmentListItem>> {
    requirePermission(ctx.actor, 'compliance.read');
    const limit = query.limit ?? 50;
    const repo = this.repo();
    const views = await repo.list(
      {
        scope: visibleOffices(ctx.actor),
        frameworkId: query.framework_id,
        officeId: query.office_id === ORGANISATION ? null : query.office_id,
        status: query.status,
      },
      { cursor: query.cursor ? decodeCursor(query.cursor) : null, limit },
    );
    const shown = views.slice(0, limit);
    const rows = await repo.requirements(shown.map((view) => view.id));
    const frameworks = new Map<string, CatalogueFramework>();
    for (const id of new Set(shown.map((view) => view.framework_id)))
      frameworks.set(id, await this.frameworks.getFlat(ctx, id));
    return toPage(
      views,
      limit,
      (view) => view.created_at,
      (view) => {
        const framework = frameworks.get(view.framework_id)!;
        const statuses = statusMap(rows.filter((row) => row.assessment_id === view.id));
        const counted = framework.requirements.filter((r) => !r.group);
        return {
          ...presentAssessment(view, framework.info.short_title),
          progress: countStatuses(counted.map((r) => statuses.get(r.id) ?? null)),
        };
      },
    );
  }

  async get(ctx: RequestContext, id: string, lang: Language = 'en'): Promise<AssessmentDetail> {
    requirePermission(ctx.actor, 'compliance.read');
    const repo = this.repo();
    const view = visible(ctx.actor, await repo.find(id), id);
    const framework = await this.frameworks.getFlat(ctx, view.framework_id);
    const [rows, links] = await Promise.all([repo.requirements([id]), repo.links(id)]);
    return {
      ...presentAssessment(view, framework.info.short_title),
      requirements: presentRequirements(framework.requirements, rows, links),
      progress: await this.computeProgress(ctx, view, framework, rows, lang),
    };
  }

  async progress(ctx: RequestContext, id: string, lang: Language = 'en'): Promise<AssessmentProgress> {
    requirePermission(ctx.actor, 'compliance.read');
    const repo = this.repo();
    const view = visible(ctx.actor, await repo.find(id), id);
    const framework = await this.frameworks.getFlat(ctx, view.framework_id);
    return this.computeProgress(ctx, view, framework, await repo.requirements([id]), lang);
  }

  /** The requirements with their status, notes and links, and the progress by theme, as a workbook. */
  async exportXlsx(ctx: RequestContext, id: string): Promise<AssessmentFile> {
    const detail = await this.get(ctx, id, 'en');
    const generatedOn = isoDate(this.deps.clock.now());
    return {
      filename: `compliance-${detail.framework_id}-${generatedOn}.xlsx`,
      contentType: SPREADSHEET_CONTENT_TYPES.xlsx,
      body: await assessmentXlsx(detail, generatedOn),
    };
  }

  async create(ctx: RequestContext, input: AssessmentCreate): Promise<Assessment> {
    requirePermission(ctx.actor, 'compliance.write');
    return inTransaction(this.deps, ctx, (trx, audit) => this.createIn(trx, audit, ctx, input));
  }

  /** `create` inside the caller's transaction (the demo loader). */
  async createIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    input: AssessmentCreate,
  ): Promise<Assessment> {
    requirePermission(ctx.actor, 'compliance.write');
    const framework = await this.framework(ctx, input.framework_id);
    const now = isoNow(this.deps.clock);
    const row: AssessmentRow = {
      id: newId(),
      framework_id: framework.info.id,
      office_id: input.office_id ?? null,
      title: input.title,
      owner_id: input.owner_id ?? null,
      status: input.status ?? 'in_progress',
      version: 1,
      created_at: now,
      updated_at: now,
    };
    const repo = new ComplianceRepository(trx);
    await checkAssessment(repo, ctx.actor, row, null);
    await repo.insert(row);
    await audit({
      action: 'create',
      entityType: ASSESSMENT,
      entityId: row.id,
      officeId: row.office_id,
      after: row,
    });
    return presentAssessment((await repo.find(row.id))!, framework.info.short_title);
  }

  /** Fields left out keep their value; the framework cannot change. */
  async update(ctx: RequestContext, id: string, input: AssessmentUpdate): Promise<Assessment> {
    requirePermission(ctx.actor, 'compliance.write');
    const { version, ...given } = input;
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new ComplianceRepository(trx);
      const current = visible(ctx.actor, await repo.find(id), id);
      if (current.version !== version) throwStale(ASSESSMENT, id, version, current);
      const before = storedAssessment(current);
      const after: AssessmentRow = {
        ...before,
        office_id: given.office_id === undefined ? before.office_id : given.office_id,
        title: given.title ?? before.title,
        owner_id: given.owner_id === undefined ? before.owner_id : given.owner_id,
        status: given.status ?? before.status,
        version: version + 1,
        updated_at: isoNow(this.deps.clock),
      };
      await checkAssessment(repo, ctx.actor, after, before);
      const { id: _id, framework_id: _f, created_at: _c, version: _v, ...changes } = after;
      if (!(await repo.update(id, version, changes)))
        throwStale(ASSESSMENT, id, version, await repo.find(id));
      await audit({
        action: 'update',
        entityType: ASSESSMENT,
        entityId: id,
        officeId: after.office_id,
        before,
        after,
      });
      const framework = await this.frameworks.getFlat(ctx, after.framework_id);
      return presentAssessment((await repo.find(id))!, framework.info.short_title);
    });
  }

  /** Delete an assessment with every status and link given in it, and its evidence files' attachments. */
  async remove(ctx: RequestContext, id: string, version: number): Promise<void> {
    requirePermission(ctx.actor, 'compliance.write');
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new ComplianceRepository(trx);
      const current = visible(ctx.actor, await repo.find(id), id);
      if (current.version !== version) throwStale(ASSESSMENT, id, version, current);
      if (!(await repo.delete(id, version))) throwStale(ASSESSMENT, id, version, await repo.find(id));
      // Its evidence files go with it (the bytes stay while other records refer to them).
      for (const attachment of (await this.links.files?.list(EVIDENCE_OWNER, id, trx)) ?? [])
        await this.links.files!.detachIn(trx, audit, attachment, current.office_id);
      await audit({
        action: 'delete',
        entityType: ASSESSMENT,
        entityId: id,
        officeId: current.office_id,
        before: storedAssessment(current),
      });
    });
  }

  /** Assess one requirement: status, notes, evidence and risk links (compliance.requirements). */
  async setRequirement(
    ctx: RequestContext,
    id: string,
    requirementId: string,
    input: RequirementUpdate,
  ): Promise<AssessedRequirement> {
    requirePermission(ctx.actor, 'compliance.write');
    return inTransaction(this.deps, ctx, (trx, audit) =>
      this.setRequirementIn(trx, audit, ctx, id, requirementId, input),
    );
  }

  /** `setRequirement` inside the caller's transaction (the demo loader). */
  async setRequirementIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    id: string,
    requirementId: string,
    input: RequirementUpdate,
  ): Promise<AssessedRequirement> {
    requirePermission(ctx.actor, 'compliance.write');
    return assessRequirementIn(this.requirements, trx, audit, ctx, id, requirementId, input);
  }

  /** Upload a file as evidence for a requirement, added to its evidence links (compliance.requirements). */
  async addEvidenceFile(
    ctx: RequestContext,
    id: string,
    requirementId: string,
    file: { bytes: Buffer; name: string },
  ): Promise<AssessedRequirement> {
    requirePermission(ctx.actor, 'compliance.write');
    const files = this.links.files;
    if (!files) throw errors.validation('file: no file store is configured for compliance evidence');
    return inTransaction(this.deps, ctx, (trx, audit) =>
      addEvidenceFileIn(this.requirements, files, trx, audit, ctx, id, requirementId, file),
    );
  }

  /** An evidence file uploaded to the assessment, for a caller who may see the assessment. */
  async evidenceFile(
    ctx: RequestContext,
    id: string,
    requirementId: string,
    sha256: string,
  ): Promise<StoredFile> {
    requirePermission(ctx.actor, 'compliance.read');
    return evidenceFileOf(this.links, this.repo(), ctx, id, requirementId, sha256);
  }

  /** A framework of the library, or validation_failed naming the id (as the crosswalk does). */
  private async framework(ctx: RequestContext, frameworkId: string): Promise<CatalogueFramework> {
    try {
      return await this.frameworks.getFlat(ctx, frameworkId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found')
        throw errors.validation(`framework_id: ${frameworkId} is not a framework of the library`, [
          { path: 'framework_id', message: `unknown framework "${frameworkId}"; see GET /api/frameworks` },
        ]);
      throw error;
    }
  }

  private async computeProgress(
    ctx: RequestContext,
    view: AssessmentView,
    framework: CatalogueFramework,
    rows: readonly RequirementRow[],
    lang: Language,
  ): Promise<AssessmentProgress> {
    const themes = (await this.frameworks.themes(ctx, lang)).map((t) => ({ id: t.id, label: t.label }));
    return {
      assessment_id: view.id,
      framework_id: view.framework_id,
      ...computeProgress(framework.requirements, statusMap(rows), themes),
    };
  }
}

/**
 * The office (or the whole organisation) and the owner an assessment will be written with, compared
 * with `before` (null for a new one): an office the caller cannot see answers 404 as one that does not
 * exist; only an organisation-wide role may assess the whole organisation.
 */
async function checkAssessment(
  repo: ComplianceRepository,
  actor: Actor,
  row: AssessmentRow,
  before: AssessmentRow | null,
): Promise<void> {
  if (before === null || row.office_id !== before.office_id) {
    if (row.office_id === null) {
      if (actor.scope.kind !== 'all')
        throw new AppError(
          'forbidden',
          'Only an organisation-wide role may assess the whole organisation; choose one of your offices',
          { field: 'office_id' },
        );
    } else if (!inScope(actor, row.office_id) || !(await repo.office(row.office_id)))
      throw errors.unknownReference('office', row.office_id, 'office_id');
  }
  if (row.owner_id !== null && row.owner_id !== before?.owner_id) {
    const person = await repo.person(row.owner_id);
    if (!person)
      throwIssues([
        { path: 'owner_id', message: `person ${row.owner_id} is not a person of the organisation` },
      ]);
    else if (person.active !== 1)
      throwIssues([{ path: 'owner_id', message: `person ${row.owner_id} is inactive` }]);
  }
}

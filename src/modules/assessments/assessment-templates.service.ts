import type { RequestContext } from '../../core/audit.js';
import { isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import {
  inTransaction,
  isUniqueViolation,
  throwStale,
  type ServiceDeps,
} from '../../core/service-context.js';
import { answerProgress } from './assessment-answers.js';
import { assessmentTemplateSchema, templateIssues, type AssessmentTemplate } from './assessment-template.js';
import { AssessmentRepository, type TemplateRow } from './assessments.repository.js';
import type { TemplateSummary } from './assessments.schema.js';

const TEMPLATE = 'assessment_template';

export interface ResolvedTemplate {
  template: AssessmentTemplate;
  origin: 'shipped' | 'custom';
  version: number;
}

/**
 * Assessment templates: the shipped data files, read-only, and the ones admins add
 * ('assessment.templates'), stored as JSON of the same schema. Ids are unique across both.
 */
export class AssessmentTemplateService {
  private readonly shippedById: Map<string, AssessmentTemplate>;

  constructor(
    private readonly deps: ServiceDeps,
    shipped: readonly AssessmentTemplate[],
  ) {
    this.shippedById = new Map(shipped.map((t) => [t.id, t]));
  }

  async list(ctx: RequestContext): Promise<TemplateSummary[]> {
    requirePermission(ctx.actor, 'assessment.read');
    const custom = (await new AssessmentRepository(this.deps.db.kysely).listTemplates()).map(fromRow);
    const all: ResolvedTemplate[] = [
      ...[...this.shippedById.values()].map((template) => ({
        template,
        origin: 'shipped' as const,
        version: 0,
      })),
      ...custom,
    ];
    return all.map(({ template, origin, version }) => ({
      id: template.id,
      title: template.title,
      description: template.description,
      questions: answerProgress(template, {}).total,
      origin,
      version,
    }));
  }

  async get(ctx: RequestContext, id: string): Promise<ResolvedTemplate> {
    requirePermission(ctx.actor, 'assessment.read');
    return this.resolve(id);
  }

  /** A template by id, without a permission check (for services that already checked theirs). */
  async resolve(id: string): Promise<ResolvedTemplate> {
    const shipped = this.shippedById.get(id);
    if (shipped) return { template: shipped, origin: 'shipped', version: 0 };
    const row = await new AssessmentRepository(this.deps.db.kysely).findTemplate(id);
    if (!row) throw errors.notFound(TEMPLATE, id);
    return fromRow(row);
  }

  /** Add a template from a parsed YAML or JSON document; every problem is reported at once. */
  async add(ctx: RequestContext, definition: unknown): Promise<ResolvedTemplate> {
    requirePermission(ctx.actor, 'assessment.templates');
    const parsed = assessmentTemplateSchema.safeParse(definition);
    if (!parsed.success) {
      const issues = templateIssues(parsed.error);
      throw errors.validation(`The template is not valid: ${issues[0]?.path}: ${issues[0]?.message}`, issues);
    }
    const template = parsed.data;
    if (this.shippedById.has(template.id))
      throw errors.conflict(`A shipped template already has the id ${template.id}`, { field: 'id' });
    const now = isoNow(this.deps.clock);
    const row: TemplateRow = {
      id: template.id,
      definition: JSON.stringify(template),
      version: 1,
      created_by: ctx.actor.label,
      created_at: now,
      updated_at: now,
    };
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      try {
        await new AssessmentRepository(trx).insertTemplate(row);
      } catch (error) {
        if (isUniqueViolation(error))
          throw errors.conflict(`A template already has the id ${template.id}`, { field: 'id' });
        throw error;
      }
      await audit({ action: 'create', entityType: TEMPLATE, entityId: row.id, after: template });
    });
    return { template, origin: 'custom', version: 1 };
  }

  /** Delete an added template (assessments started from it keep their copy). */
  async remove(ctx: RequestContext, id: string, version: number): Promise<void> {
    requirePermission(ctx.actor, 'assessment.templates');
    if (this.shippedById.has(id))
      throw errors.conflict(`${id} is a shipped template and cannot be deleted`, { reason: 'shipped' });
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new AssessmentRepository(trx);
      const before = await repo.findTemplate(id);
      if (!before) throw errors.notFound(TEMPLATE, id);
      if (before.version !== version) throwStale(TEMPLATE, id, version, before);
      if (!(await repo.deleteTemplate(id, version)))
        throwStale(TEMPLATE, id, version, await repo.findTemplate(id));
      await audit({
        action: 'delete',
        entityType: TEMPLATE,
        entityId: id,
        before: JSON.parse(before.definition),
      });
    });
  }
}

function fromRow(row: TemplateRow): ResolvedTemplate {
  return {
    template: JSON.parse(row.definition) as AssessmentTemplate,
    origin: 'custom',
    version: row.version,
  };
}

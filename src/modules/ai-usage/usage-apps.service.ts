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
import { buildCatalogue, loadShippedCatalogue, type Catalogue } from './catalogue.js';
import type { AppAttributes, RiskLevel } from './catalogue.schema.js';
import {
  catalogueEntry,
  organisationCatalogue,
  type AppOverride,
  type AppStatus,
  type CustomAppDefinition,
  type OrganisationApp,
  type OrganisationCatalogue,
} from './usage-apps.js';
import { UsageRepository, type AppOverrideRow } from './usage.repository.js';
import type { AppUpdate, CustomAppCreate } from './usage.schema.js';

export const AI_APP_ENTITY = 'ai_app';

/**
 * The organisation's AI app catalogue: the shipped apps with the organisation's status, risk and
 * attribute overrides, and its custom apps. Reading needs 'usage.read'; changing needs
 * 'usage.apps.write' (admins). Every change is versioned (a stale version answers 409) and audited.
 * The status set here is the app's status unless an AI system of the registry links the app (see
 * resolveStatus in app-status.ts): then the registry's approval is, and this one is kept underneath.
 */
export class UsageAppService {
  private readonly repo = new UsageRepository();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly shipped: Catalogue = loadShippedCatalogue(),
  ) {}

  /** The catalogue as ingestion and the report use it; callers check their own permission first. */
  async organisation(): Promise<OrganisationCatalogue> {
    const db = this.deps.db.kysely;
    const rows = await this.repo.listOverrides(db);
    return organisationCatalogue(this.shipped, rows.map(parseOverride), await this.repo.registryLinks(db));
  }

  async list(ctx: RequestContext): Promise<OrganisationApp[]> {
    requirePermission(ctx.actor, 'usage.read');
    return [...(await this.organisation()).apps.values()];
  }

  async get(ctx: RequestContext, id: string): Promise<OrganisationApp> {
    requirePermission(ctx.actor, 'usage.read');
    const app = (await this.organisation()).apps.get(id);
    if (!app) throw errors.notFound('AI app', id);
    return app;
  }

  /** Set the status, a risk by hand, attribute overrides or the note of an app (shipped or custom). */
  async update(ctx: RequestContext, id: string, input: AppUpdate): Promise<OrganisationApp> {
    requirePermission(ctx.actor, 'usage.apps.write');
    const before = await this.get(ctx, id);
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      const stored = await this.repo.override(trx, id);
      const current = stored ? parseOverride(stored) : undefined;
      if ((current?.version ?? 0) !== input.version)
        throwStale('AI app', id, input.version, { version: current?.version ?? 0 });
      const now = isoNow(this.deps.clock);
      const next = {
        status: input.status ?? current?.status ?? before.catalogue_status,
        risk: input.risk === undefined ? (current?.risk ?? null) : input.risk,
        attributes: JSON.stringify({ ...current?.attributes, ...input.attributes }),
        note: input.note === undefined ? (current?.note ?? null) : input.note,
        updated_at: now,
      };
      if (!current) {
        await this.repo.insertOverride(trx, {
          app_id: id,
          custom: 0,
          definition: null,
          ...next,
          version: 1,
          created_at: now,
        });
      } else if (!(await this.repo.updateOverride(trx, id, input.version, next))) {
        const again = await this.repo.override(trx, id);
        throwStale('AI app', id, input.version, again);
      }
      await audit({
        action: 'update',
        entityType: AI_APP_ENTITY,
        entityId: id,
        before: auditView(before),
        after: {
          status: next.status,
          risk: next.risk,
          attributes: JSON.parse(next.attributes),
          note: next.note,
        },
      });
    }).catch((error: unknown) => {
      // Two first overrides of the same app at once: the second one's version 0 is stale.
      if (isUniqueViolation(error)) throw errors.versionConflict('AI app', id, input.version, 1);
      throw error;
    });
    return this.get(ctx, id);
  }

  /** Add an app the catalogue does not list, with the domains that identify it. */
  async create(ctx: RequestContext, input: CustomAppCreate): Promise<OrganisationApp> {
    requirePermission(ctx.actor, 'usage.apps.write');
    const organisation = await this.organisation();
    if (organisation.apps.has(input.id))
      throw errors.conflict(`An AI app with the id ${input.id} already exists`, { id: input.id });
    const definition: CustomAppDefinition = {
      name: input.name,
      vendor: input.vendor,
      category: input.category,
      domains: input.domains,
    };
    // The same checks as the shipped file: domains in normalised form, none claimed by another app.
    buildCatalogue(this.shipped.reviewed, [
      ...[...organisation.apps.values()].map(catalogueEntry),
      { id: input.id, ...definition, attributes: input.attributes, risk: input.risk ?? 'high' },
    ]);
    const now = isoNow(this.deps.clock);
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      await this.repo.insertOverride(trx, {
        app_id: input.id,
        custom: 1,
        definition: JSON.stringify(definition),
        status: input.status,
        risk: input.risk,
        attributes: JSON.stringify(input.attributes),
        note: input.note,
        version: 1,
        created_at: now,
        updated_at: now,
      });
      await audit({ action: 'create', entityType: AI_APP_ENTITY, entityId: input.id, after: input });
    }).catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw errors.conflict(`An AI app with the id ${input.id} already exists`, { id: input.id });
      throw error;
    });
    return this.get(ctx, input.id);
  }
}

function parseOverride(row: AppOverrideRow): AppOverride {
  return {
    app_id: row.app_id,
    custom: row.custom === 1,
    definition: row.definition === null ? null : (JSON.parse(row.definition) as CustomAppDefinition),
    status: row.status as AppStatus,
    risk: row.risk as RiskLevel | null,
    attributes: JSON.parse(row.attributes) as Partial<AppAttributes>,
    note: row.note,
    version: row.version,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function auditView(app: OrganisationApp) {
  return { status: app.catalogue_status, risk: app.risk, attributes: app.attributes, note: app.note ?? null };
}

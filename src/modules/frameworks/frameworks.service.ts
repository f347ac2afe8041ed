import type { RequestContext } from '../../core/audit.js';
import { isoDate } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import type { ServiceDeps } from '../../core/service-context.js';
import { crosswalk } from './crosswalk.js';
import { crosswalkDocx } from './crosswalk-docx.js';
import { crosswalkMarkdown } from './crosswalk-markdown.js';
import { crosswalkXlsx } from './crosswalk-xlsx.js';
import {
  loadFrameworkCatalogue,
  requirementTree,
  type CatalogueFramework,
  type FrameworkCatalogue,
} from './frameworks.catalogue.js';
import type {
  Crosswalk,
  CrosswalkInput,
  FrameworkDetail,
  FrameworkSummary,
  Language,
  ThemeView,
} from './frameworks.schema.js';

/** A crosswalk file ready to download or save. */
export interface CrosswalkFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

export type CrosswalkFileFormat = 'xlsx' | 'md' | 'docx';

const CONTENT_TYPES: Record<CrosswalkFileFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * The frameworks library: reference data shipped with Custos, read-only, so nothing here writes or
 * audits. Anyone who may read the organisation may read it. Methods are async like every service's,
 * so callers need not know the library lives in memory rather than in the database.
 */
export class FrameworkService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly catalogue: () => FrameworkCatalogue = () => loadFrameworkCatalogue(),
  ) {}

  async list(ctx: RequestContext): Promise<FrameworkSummary[]> {
    requirePermission(ctx.actor, 'org.read');
    return this.catalogue().frameworks.map((f) => f.info);
  }

  async get(ctx: RequestContext, id: string): Promise<FrameworkDetail> {
    const framework = await this.getFlat(ctx, id);
    return { ...framework.info, requirements: requirementTree(framework.requirements) };
  }

  /** A framework with its requirements as a flat list in file order (groups included), for other modules. */
  async getFlat(ctx: RequestContext, id: string): Promise<CatalogueFramework> {
    requirePermission(ctx.actor, 'org.read');
    const framework = this.catalogue().framework(id);
    if (!framework) throw errors.notFound('framework', id);
    return framework;
  }

  async themes(ctx: RequestContext, lang: Language = 'en'): Promise<ThemeView[]> {
    requirePermission(ctx.actor, 'org.read');
    const catalogue = this.catalogue();
    return catalogue.themes.map((theme) => {
      const requirements = catalogue.frameworks.flatMap((f) =>
        f.requirements.filter((r) => r.themes.includes(theme.id)),
      );
      return {
        id: theme.id,
        label: theme.labels[lang],
        description: theme.descriptions[lang],
        framework_count: new Set(requirements.map((r) => r.framework_id)).size,
        requirement_count: requirements.length,
      };
    });
  }

  /** Unknown framework or theme ids: validation_failed naming each of them. */
  async crosswalk(ctx: RequestContext, input: CrosswalkInput): Promise<Crosswalk> {
    requirePermission(ctx.actor, 'org.read');
    return crosswalk(this.catalogue(), input);
  }

  async exportCrosswalk(
    ctx: RequestContext,
    input: CrosswalkInput,
    format: CrosswalkFileFormat,
  ): Promise<CrosswalkFile> {
    const table = await this.crosswalk(ctx, input);
    const generatedOn = isoDate(this.deps.clock.now());
    const document = { crosswalk: table, generatedOn };
    const body =
      format === 'xlsx'
        ? await crosswalkXlsx(document)
        : format === 'docx'
          ? await crosswalkDocx(document)
          : Buffer.from(crosswalkMarkdown(document), 'utf8');
    return { filename: `crosswalk-${generatedOn}.${format}`, contentType: CONTENT_TYPES[format], body };
  }
}

import { buildCatalogue, type Catalogue } from './catalogue.js';
import type { AppAttributes, AppCategory, CatalogueApp, RiskLevel } from './catalogue.schema.js';
import { resolveStatus, type AppStatus, type RegistryLink, type ResolvedStatus } from './app-status.js';
import { deriveRisk } from './risk-rule.js';

/*
 * The organisation's view of the AI app catalogue: the shipped apps with the organisation's status
 * and attribute overrides applied, plus its custom apps. Pure: the overrides come from the
 * usage_app_overrides table through the repository.
 */

export { APP_STATUSES, type AppStatus, type RegistryLink } from './app-status.js';

/** Every app starts here until someone reviews it. */
export const DEFAULT_APP_STATUS: AppStatus = 'not_reviewed';

/**
 * Use of an app counts as unapproved use unless the organisation approved the app (with or without
 * conditions): an app nobody has reviewed is not approved either.
 */
export function isApproved(status: AppStatus): boolean {
  return status === 'approved' || status === 'approved_with_conditions';
}

/**
 * Generative AI: apps that produce content from what users send them. Model hubs host models and
 * data sets rather than generating from a user's input, so uploads to them are not counted as such.
 */
export function isGenerative(category: AppCategory): boolean {
  return category !== 'model_hub';
}

/** A custom app's identity (shipped apps take theirs from the catalogue). */
export interface CustomAppDefinition {
  name: string;
  vendor: string;
  category: AppCategory;
  domains: string[];
}

/** One row of usage_app_overrides, parsed. */
export interface AppOverride {
  app_id: string;
  custom: boolean;
  definition: CustomAppDefinition | null;
  status: AppStatus;
  risk: RiskLevel | null;
  attributes: Partial<AppAttributes>;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export type RiskSource = 'catalogue' | 'attributes' | 'override';

export interface OrganisationApp extends CatalogueApp, ResolvedStatus {
  /** The status set on the catalogue page (used when no AI system of the registry links the app). */
  catalogue_status: AppStatus;
  /** The AI systems of the registry that link this app, with their approvals. */
  registry_systems: { id: string; name: string; approval_status: RegistryLink['approval_status'] }[];
  /** Where the risk comes from: the catalogue's rating, the rule over overridden attributes, or set by hand. */
  risk_source: RiskSource;
  custom: boolean;
  /** The attributes the organisation overrode (all of them for a custom app). */
  overridden_attributes: (keyof AppAttributes)[];
  note: string | undefined;
  /** The override's version, for optimistic concurrency; 0 when the app has no override yet. */
  version: number;
  updated_at: string | null;
}

export interface OrganisationCatalogue {
  /** Shipped and custom apps, for matching hosts during ingestion. */
  catalogue: Catalogue;
  apps: ReadonlyMap<string, OrganisationApp>;
}

/**
 * Apply the overrides to the shipped catalogue, and the registry's approvals to the apps its AI systems
 * link (see resolveStatus). Custom apps come after the shipped ones, by id.
 */
export function organisationCatalogue(
  shipped: Catalogue,
  overrides: readonly AppOverride[],
  registry: readonly RegistryLink[] = [],
): OrganisationCatalogue {
  const byId = new Map(overrides.map((override) => [override.app_id, override]));
  const links = new Map<string, RegistryLink[]>();
  for (const link of registry)
    for (const id of new Set(link.app_ids)) links.set(id, [...(links.get(id) ?? []), link]);
  const withStatus = (app: PageApp): OrganisationApp => {
    const systems = links.get(app.id) ?? [];
    return {
      ...app,
      ...resolveStatus(app.catalogue_status, systems),
      registry_systems: systems
        .map((s) => ({ id: s.system_id, name: s.system_name, approval_status: s.approval_status }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    };
  };
  const apps = new Map<string, OrganisationApp>();
  for (const app of shipped.apps) apps.set(app.id, withStatus(applyOverride(app, byId.get(app.id))));
  const custom = overrides
    .filter((override) => override.custom && override.definition !== null && !apps.has(override.app_id))
    .sort((a, b) => (a.app_id < b.app_id ? -1 : a.app_id > b.app_id ? 1 : 0));
  for (const override of custom) apps.set(override.app_id, withStatus(customApp(override)));
  const catalogue =
    custom.length === 0 ? shipped : buildCatalogue(shipped.reviewed, [...apps.values()].map(catalogueEntry));
  return { catalogue, apps };
}

/** The app as the catalogue file would list it (for building the domain matcher). */
export function catalogueEntry(app: OrganisationApp): CatalogueApp {
  return {
    id: app.id,
    name: app.name,
    vendor: app.vendor,
    category: app.category,
    domains: app.domains,
    attributes: app.attributes,
    risk: app.risk,
    ...(app.note === undefined ? {} : { note: app.note }),
  };
}

type PageApp = Omit<OrganisationApp, keyof ResolvedStatus | 'registry_systems'>;

function applyOverride(app: CatalogueApp, override: AppOverride | undefined): PageApp {
  if (!override)
    return {
      ...app,
      catalogue_status: DEFAULT_APP_STATUS,
      risk_source: 'catalogue',
      custom: false,
      overridden_attributes: [],
      note: app.note,
      version: 0,
      updated_at: null,
    };
  const attributes = { ...app.attributes, ...override.attributes };
  const overridden = (Object.keys(override.attributes) as (keyof AppAttributes)[]).filter(
    (key) => override.attributes[key] !== app.attributes[key],
  );
  const { risk, source } = riskOf(attributes, override.risk, overridden.length > 0 ? null : app.risk);
  return {
    ...app,
    attributes,
    risk,
    catalogue_status: override.status,
    risk_source: source,
    custom: false,
    overridden_attributes: overridden.sort(),
    note: override.note ?? app.note,
    version: override.version,
    updated_at: override.updated_at,
  };
}

function customApp(override: AppOverride): PageApp {
  const definition = override.definition!;
  const attributes = override.attributes as AppAttributes;
  const { risk, source } = riskOf(attributes, override.risk, null);
  return {
    id: override.app_id,
    ...definition,
    attributes,
    risk,
    catalogue_status: override.status,
    risk_source: source,
    custom: true,
    overridden_attributes: (Object.keys(attributes) as (keyof AppAttributes)[]).sort(),
    note: override.note ?? undefined,
    version: override.version,
    updated_at: override.updated_at,
  };
}

/** A risk set by hand wins; else the catalogue's rating while the attributes are the catalogue's; else the rule. */
function riskOf(
  attributes: AppAttributes,
  manual: RiskLevel | null,
  catalogueRisk: RiskLevel | null,
): { risk: RiskLevel; source: RiskSource } {
  if (manual !== null) return { risk: manual, source: 'override' };
  if (catalogueRisk !== null) return { risk: catalogueRisk, source: 'catalogue' };
  return { risk: deriveRisk(attributes).risk, source: 'attributes' };
}

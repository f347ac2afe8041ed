/** The organisation's status of an AI app (kept apart from usage-apps.ts so the web app can import it). */
export const APP_STATUSES = [
  'approved',
  'approved_with_conditions',
  'unapproved',
  'under_review',
  'not_reviewed',
] as const;
export type AppStatus = (typeof APP_STATUSES)[number];

/**
 * Where an app's status comes from: an AI system of the registry that links the app, else the status
 * set on the catalogue page, else nobody reviewed it.
 */
export const STATUS_SOURCES = ['registry', 'catalogue_page', 'not_reviewed'] as const;
export type StatusSource = (typeof STATUS_SOURCES)[number];

/** An AI system of the registry that links catalogue apps (its `usage_app_ids`), with its approval. */
export interface RegistryLink {
  system_id: string;
  system_name: string;
  approval_status: Exclude<AppStatus, 'not_reviewed'>;
  app_ids: readonly string[];
}

/** The system an app's status was taken from. */
export interface StatusSystem {
  id: string;
  name: string;
}

export interface ResolvedStatus {
  status: AppStatus;
  status_source: StatusSource;
  /** The registry system that decided (the most restrictive one when several link the app). */
  status_system: StatusSystem | null;
}

/** Higher is more restrictive: an unapproved verdict wins over any approval. */
const RESTRICTIVENESS: Record<RegistryLink['approval_status'], number> = {
  approved: 0,
  approved_with_conditions: 1,
  under_review: 2,
  unapproved: 3,
};

/**
 * An app's status: the registry's when one or more AI systems link the app (the most restrictive of
 * their approvals; on a tie, the system whose name sorts first), otherwise the catalogue page's.
 */
export function resolveStatus(
  cataloguePageStatus: AppStatus,
  systems: readonly Pick<RegistryLink, 'system_id' | 'system_name' | 'approval_status'>[],
): ResolvedStatus {
  let decisive: (typeof systems)[number] | undefined;
  for (const system of systems) {
    if (
      !decisive ||
      RESTRICTIVENESS[system.approval_status] > RESTRICTIVENESS[decisive.approval_status] ||
      (RESTRICTIVENESS[system.approval_status] === RESTRICTIVENESS[decisive.approval_status] &&
        (system.system_name < decisive.system_name ||
          (system.system_name === decisive.system_name && system.system_id < decisive.system_id)))
    )
      decisive = system;
  }
  if (decisive)
    return {
      status: decisive.approval_status,
      status_source: 'registry',
      status_system: { id: decisive.system_id, name: decisive.system_name },
    };
  return {
    status: cataloguePageStatus,
    status_source: cataloguePageStatus === 'not_reviewed' ? 'not_reviewed' : 'catalogue_page',
    status_system: null,
  };
}

/** Where the status comes from, in English words: "registry: <system>", "catalogue page", "not reviewed". */
export function statusSourceText(app: Pick<ResolvedStatus, 'status_source' | 'status_system'>): string {
  if (app.status_source === 'registry') return `registry: ${app.status_system?.name ?? ''}`;
  return app.status_source.replaceAll('_', ' ');
}

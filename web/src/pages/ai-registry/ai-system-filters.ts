import { TIERS } from '@server/modules/ai-registry/ai-act.schema';
import { APPROVAL_STATUSES, LIFECYCLES } from '@server/modules/ai-registry/ai-system.schema';
import type { AiSystemFilters } from '../../api/ai-systems';

/** The list's filters as they appear in the address bar. */
export const AI_SYSTEM_FILTER_KEYS = [
  'q',
  'tier',
  'approval_status',
  'lifecycle',
  'office_id',
  'review_overdue',
  'no_dpia',
  'sort',
] as const;

export type AiSystemUrlFilters = Partial<Record<(typeof AI_SYSTEM_FILTER_KEYS)[number], string>>;

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  values.find((candidate) => candidate === value);

/**
 * The API query for filters read from an address (which anyone may have edited): values that are
 * not one of the choices are left out rather than sent to be refused.
 */
export function aiSystemQuery(filters: AiSystemUrlFilters): Omit<AiSystemFilters, 'sort'> {
  return {
    q: filters.q,
    tier: oneOf([...TIERS, 'unclassified'], filters.tier),
    approval_status: oneOf(APPROVAL_STATUSES, filters.approval_status),
    lifecycle: oneOf(LIFECYCLES, filters.lifecycle),
    office_id: filters.office_id,
    review_overdue: oneOf(['true'], filters.review_overdue),
    no_dpia: oneOf(['true'], filters.no_dpia),
  };
}

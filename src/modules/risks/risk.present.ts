import type { Selectable } from 'kysely';
import { foldForSearch } from '../../db/dialect.js';
import type { RiskAcceptanceTable, RiskTable, RiskTreatmentTable } from '../../db/schema/risk.js';
import { riskLevel, riskScore, type RiskLevel } from './risk-scoring.js';
import {
  LINK_KINDS,
  type LinkKind,
  type Risk,
  type RiskAcceptance,
  type RiskCategory,
  type RiskLinks,
  type RiskStatus,
  type RiskTreatment,
  type Treatment,
  type TreatmentStatus,
} from './risk.schema.js';

/* How risks are stored and shown: links in their own table, scores and levels computed. */

export type RiskRow = Selectable<RiskTable>;
export type TreatmentRow = Selectable<RiskTreatmentTable>;
export type AcceptanceRow = Selectable<RiskAcceptanceTable>;

export const LINK_FIELD: Record<LinkKind, keyof RiskLinks> = {
  asset: 'asset_ids',
  ai_system: 'ai_system_ids',
  usage_app: 'usage_app_ids',
  office: 'office_ids',
};

export const NO_LINKS: RiskLinks = { asset_ids: [], ai_system_ids: [], usage_app_ids: [], office_ids: [] };

/** Links as stored rows, each list sorted so equal sets compare equal. */
export function sortedLinks(links: RiskLinks): RiskLinks {
  return {
    asset_ids: links.asset_ids.toSorted(),
    ai_system_ids: links.ai_system_ids.toSorted(),
    usage_app_ids: links.usage_app_ids.toSorted(),
    office_ids: links.office_ids.toSorted(),
  };
}

export function sameLinks(a: RiskLinks, b: RiskLinks): boolean {
  return LINK_KINDS.every((kind) => {
    const field = LINK_FIELD[kind];
    return JSON.stringify(a[field].toSorted()) === JSON.stringify(b[field].toSorted());
  });
}

/** Review date reached, or the acceptance in force expired. */
export function needsReview(
  row: Pick<RiskRow, 'status' | 'next_review_date' | 'acceptance_expires_on'>,
  today: string,
): boolean {
  if (row.status === 'closed') return false;
  if (row.next_review_date !== null && row.next_review_date <= today) return true;
  return row.status === 'accepted' && row.acceptance_expires_on !== null && row.acceptance_expires_on < today;
}

export function presentRisk(row: RiskRow, links: RiskLinks, today: string): Risk {
  const residual =
    row.residual_likelihood !== null && row.residual_impact !== null
      ? { l: row.residual_likelihood, i: row.residual_impact }
      : null;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    category: row.category as RiskCategory,
    cause: row.cause,
    consequence: row.consequence,
    office_id: row.office_id,
    department_id: row.department_id,
    owner_person_id: row.owner_person_id,
    proposer_person_id: row.proposer_person_id,
    proposed_by: row.proposed_by,
    inherent_likelihood: row.inherent_likelihood,
    inherent_impact: row.inherent_impact,
    inherent_score: riskScore(row.inherent_likelihood, row.inherent_impact),
    inherent_level: riskLevel(row.inherent_likelihood, row.inherent_impact),
    existing_controls: row.existing_controls,
    residual_likelihood: row.residual_likelihood,
    residual_impact: row.residual_impact,
    residual_score: residual ? riskScore(residual.l, residual.i) : null,
    residual_level: residual ? riskLevel(residual.l, residual.i) : null,
    level: row.level as RiskLevel,
    treatment: row.treatment as Treatment | null,
    status: row.status as RiskStatus,
    next_review_date: row.next_review_date,
    acceptance_expires_on: row.acceptance_expires_on,
    needs_review: needsReview(row, today),
    source: row.source,
    ...links,
    version: row.version,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function presentTreatment(row: TreatmentRow, today: string): RiskTreatment {
  return {
    id: row.id,
    risk_id: row.risk_id,
    description: row.description,
    owner_person_id: row.owner_person_id,
    due_date: row.due_date,
    status: row.status as TreatmentStatus,
    overdue: row.status !== 'done' && row.due_date < today,
    version: row.version,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function presentAcceptance(row: AcceptanceRow): RiskAcceptance {
  return { ...row };
}

/** Optional text: '' stores nothing. */
export function storedText(value: string | null | undefined): string | null {
  return value ? value : null;
}

export function riskSearchText(
  row: Pick<RiskRow, 'title' | 'description' | 'cause' | 'consequence'>,
): string {
  return foldForSearch(row.title, row.description, row.cause, row.consequence);
}

import type { Risk, RiskCategory, RiskStatus, Treatment } from '@server/modules/risks/risk.schema';
import { orNull } from '../../components/form/validation';

export const RISK_TEXT_FIELDS = ['description', 'cause', 'consequence', 'existing_controls'] as const;
export type RiskTextField = (typeof RISK_TEXT_FIELDS)[number];

/** A risk as its form holds it ('' for no text, null for no choice). */
export interface RiskValues extends Record<RiskTextField, string> {
  title: string;
  category: RiskCategory | null;
  office_id: string | null;
  department_id: string | null;
  owner_person_id: string | null;
  inherent_likelihood: number | null;
  inherent_impact: number | null;
  residual_likelihood: number | null;
  residual_impact: number | null;
  treatment: Treatment | null;
  status: Exclude<RiskStatus, 'accepted'> | null;
  next_review_date: string;
  asset_ids: string[];
  ai_system_ids: string[];
  usage_app_ids: string[];
  office_ids: string[];
}

export function riskValues(risk?: Risk): RiskValues {
  const text = Object.fromEntries(RISK_TEXT_FIELDS.map((f) => [f, risk?.[f] ?? ''])) as Record<
    RiskTextField,
    string
  >;
  return {
    ...text,
    title: risk?.title ?? '',
    category: risk?.category ?? null,
    office_id: risk?.office_id ?? null,
    department_id: risk?.department_id ?? null,
    owner_person_id: risk?.owner_person_id ?? null,
    inherent_likelihood: risk?.inherent_likelihood ?? null,
    inherent_impact: risk?.inherent_impact ?? null,
    residual_likelihood: risk?.residual_likelihood ?? null,
    residual_impact: risk?.residual_impact ?? null,
    treatment: risk?.treatment ?? null,
    // An accepted risk keeps its status: the form leaves it alone (null is not sent).
    status: risk === undefined ? 'open' : risk.status === 'accepted' ? null : risk.status,
    next_review_date: risk?.next_review_date ?? '',
    asset_ids: risk?.asset_ids ?? [],
    ai_system_ids: risk?.ai_system_ids ?? [],
    usage_app_ids: risk?.usage_app_ids ?? [],
    office_ids: risk?.office_ids ?? [],
  };
}

/** What the API receives: trimmed text, null for empty optional fields; an untouched status is left out. */
export function riskPayload(values: RiskValues) {
  const text = Object.fromEntries(RISK_TEXT_FIELDS.map((f) => [f, orNull(values[f])]));
  const { status, ...rest } = values;
  return {
    ...rest,
    ...text,
    title: values.title.trim(),
    next_review_date: orNull(values.next_review_date),
    ...(status === null ? {} : { status }),
  };
}

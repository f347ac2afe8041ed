import type { Selectable } from 'kysely';
import { foldForSearch } from '../../db/dialect.js';
import type { AiClassificationTable, AiSystemTable } from '../../db/schema/ai.js';
import type { AiActRole } from './ai-act.ids.js';
import type { Classification, Tier } from './ai-act.schema.js';
import {
  AFFECTED_PEOPLE,
  PUBLISHABLE_FIELDS,
  type PublishableField,
  type AffectedPeople,
  type AiClassification,
  type AiModel,
  type AiSystem,
  type ApprovalStatus,
  type ClassificationStatus,
  type Deployment,
  type Lifecycle,
} from './ai-system.schema.js';

/* How AI systems and their classifications are stored and shown: lists as JSON text, booleans as 0/1. */

export type AiSystemRow = Selectable<AiSystemTable>;
export type AiClassificationRow = Selectable<AiClassificationTable>;

/** Stored row → API shape; search_text is internal. */
export function presentAiSystem(row: AiSystemRow): AiSystem {
  return {
    id: row.id,
    name: row.name,
    public_description: row.public_description,
    purpose: row.purpose,
    office_id: row.office_id,
    department_id: row.department_id,
    business_owner_id: row.business_owner_id,
    technical_owner_id: row.technical_owner_id,
    provider: row.provider,
    contract: row.contract,
    models: JSON.parse(row.models) as AiModel[],
    deployment: row.deployment as Deployment | null,
    lifecycle: row.lifecycle as Lifecycle,
    users: row.users,
    affected_people: JSON.parse(row.affected_people) as AffectedPeople[],
    decisions_informed: row.decisions_informed,
    human_oversight: row.human_oversight,
    personal_data: row.personal_data === 1,
    approval_status: row.approval_status as ApprovalStatus,
    approval_conditions: row.approval_conditions,
    dpia_done: row.dpia_done === 1,
    dpia_reference: row.dpia_reference,
    usage_app_ids: JSON.parse(row.usage_app_ids) as string[],
    data_asset_ids: JSON.parse(row.data_asset_ids) as string[],
    languages: JSON.parse(row.languages) as string[],
    countries: JSON.parse(row.countries) as string[],
    alternatives_considered: row.alternatives_considered,
    risks_and_mitigations: row.risks_and_mitigations,
    public: row.public === 1,
    public_fields: JSON.parse(row.public_fields) as PublishableField[],
    tier: row.tier as Tier | null,
    next_review_date: row.next_review_date,
    version: row.version,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function presentClassification(row: AiClassificationRow): AiClassification {
  return {
    id: row.id,
    ai_system_id: row.ai_system_id,
    number: row.number,
    role: row.role as AiActRole,
    answers: JSON.parse(row.answers) as Record<string, boolean>,
    result: JSON.parse(row.result) as Classification,
    tier: row.tier as Tier,
    derogation_justification: row.derogation_justification,
    status: row.status as ClassificationStatus,
    submitted_by: row.submitted_by,
    submitted_at: row.submitted_at,
    reviewed_by: row.reviewed_by,
    reviewed_at: row.reviewed_at,
    review_comments: row.review_comments,
    version: row.version,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** Each value once, in the catalogue's order, so equal sets are stored identically. */
export function storedAffected(values: readonly AffectedPeople[]): string {
  return JSON.stringify(AFFECTED_PEOPLE.filter((value) => values.includes(value)));
}

/** Each field once, in PUBLISHABLE_FIELDS order, so equal sets are stored identically. */
export function storedPublicFields(fields: readonly PublishableField[]): string {
  return JSON.stringify(PUBLISHABLE_FIELDS.filter((field) => fields.includes(field)));
}

/** Answers in question-id order, so equal answers are stored (and compared) identically. */
export function storedAnswers(answers: Readonly<Record<string, boolean>>): string {
  return JSON.stringify(
    Object.fromEntries(Object.entries(answers).toSorted(([a], [b]) => a.localeCompare(b))),
  );
}

/** Optional text: '' stores nothing. */
export function storedText(value: string | null | undefined): string | null {
  return value ? value : null;
}

export function aiSystemSearchText(
  row: Pick<AiSystemRow, 'name' | 'public_description' | 'purpose' | 'provider'>,
): string {
  return foldForSearch(row.name, row.public_description, row.purpose, row.provider);
}

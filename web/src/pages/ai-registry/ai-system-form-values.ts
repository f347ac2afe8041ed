import type en from '../../i18n/en.json';
import {
  DEFAULT_PUBLIC_FIELDS,
  type AffectedPeople,
  type AiSystem,
  type ApprovalStatus,
  type Deployment,
  type Lifecycle,
  type PublishableField,
} from '@server/modules/ai-registry/ai-system.schema';
import { orNull } from '../../components/form/validation';

/** Free-text fields of an AI system (the form holds '' for "none"). */
export const AI_SYSTEM_TEXT_FIELDS = [
  'public_description',
  'purpose',
  'provider',
  'contract',
  'users',
  'decisions_informed',
  'human_oversight',
  'alternatives_considered',
  'risks_and_mitigations',
  'approval_conditions',
  'dpia_reference',
] as const;
export type AiSystemTextField = (typeof AI_SYSTEM_TEXT_FIELDS)[number];

/** An underlying model as its form row holds it ('' for no provider). */
export interface ModelValues {
  name: string;
  provider: string;
  general_purpose: boolean;
}

/** An AI system as its form holds it. */
export interface AiSystemValues extends Record<AiSystemTextField, string> {
  name: string;
  office_id: string | null;
  department_id: string | null;
  business_owner_id: string | null;
  technical_owner_id: string | null;
  deployment: Deployment | null;
  lifecycle: Lifecycle;
  affected_people: AffectedPeople[];
  personal_data: boolean;
  approval_status: ApprovalStatus;
  dpia_done: boolean;
  public: boolean;
  public_fields: PublishableField[];
  models: ModelValues[];
  usage_app_ids: string[];
  data_asset_ids: string[];
  languages: string[];
  countries: string[];
}

export function aiSystemValues(system?: AiSystem): AiSystemValues {
  const text = Object.fromEntries(
    AI_SYSTEM_TEXT_FIELDS.map((field) => [field, system?.[field] ?? '']),
  ) as Record<AiSystemTextField, string>;
  return {
    ...text,
    name: system?.name ?? '',
    office_id: system?.office_id ?? null,
    department_id: system?.department_id ?? null,
    business_owner_id: system?.business_owner_id ?? null,
    technical_owner_id: system?.technical_owner_id ?? null,
    deployment: system?.deployment ?? null,
    lifecycle: system?.lifecycle ?? 'idea',
    affected_people: system?.affected_people ?? [],
    personal_data: system?.personal_data ?? false,
    approval_status: system?.approval_status ?? 'under_review',
    dpia_done: system?.dpia_done ?? false,
    public: system?.public ?? false,
    public_fields: system?.public_fields ?? [...DEFAULT_PUBLIC_FIELDS],
    models: (system?.models ?? []).map((m) => ({ ...m, provider: m.provider ?? '' })),
    usage_app_ids: system?.usage_app_ids ?? [],
    data_asset_ids: system?.data_asset_ids ?? [],
    languages: system?.languages ?? [],
    countries: system?.countries ?? [],
  };
}

/** What the API receives: trimmed text, null for empty optional fields, blank model rows left out. */
export function aiSystemPayload(values: AiSystemValues) {
  const text = Object.fromEntries(AI_SYSTEM_TEXT_FIELDS.map((field) => [field, orNull(values[field])]));
  const models = values.models
    .filter((m) => m.name.trim() !== '' || m.provider.trim() !== '')
    .map((m) => ({ name: m.name.trim(), provider: orNull(m.provider), general_purpose: m.general_purpose }));
  return { ...values, ...text, models, name: values.name.trim() };
}

/** Fields labelled under aiRegistry.fields in the translations. */
export type AiSystemLabelledField = keyof typeof en.aiRegistry.fields;

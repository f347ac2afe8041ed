import type en from '../../i18n/en.json';
import type {
  AffectedPeople,
  AiSystem,
  ApprovalStatus,
  Deployment,
  Lifecycle,
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
  'approval_conditions',
  'dpia_reference',
] as const;
export type AiSystemTextField = (typeof AI_SYSTEM_TEXT_FIELDS)[number];

/** An AI system as its form holds it; models, usage app ids and data assets are kept as they are. */
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
  };
}

/** What the API receives: trimmed text, null for empty optional fields. */
export function aiSystemPayload(values: AiSystemValues) {
  const text = Object.fromEntries(AI_SYSTEM_TEXT_FIELDS.map((field) => [field, orNull(values[field])]));
  return { ...values, ...text, name: values.name.trim() };
}

/** Fields labelled under aiRegistry.fields in the translations. */
export type AiSystemLabelledField = keyof typeof en.aiRegistry.fields;

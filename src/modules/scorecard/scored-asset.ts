/**
 * What the scorecard needs to know about one data asset. The service maps database rows into this
 * shape, so the scoring logic does not depend on how the inventory stores assets.
 */
export interface ScoredAsset {
  id: string;
  /**
   * Grouping keys (stable codes such as the office code) and display names; null when unassigned.
   * A department key must be unique across offices (`KE/PROG`, or the department's id).
   */
  office_key: string | null;
  office_name: string | null;
  region_key: string | null;
  region_name: string | null;
  department_key: string | null;
  department_name: string | null;
  description: string | null;
  purpose: string | null;
  system_id: string | null;
  data_owner_id: string | null;
  data_custodian_id: string | null;
  /** The person actions fall back to when the asset has no custodian. */
  focal_point_id: string | null;
  sensitivity_label: string | null;
  /** null when nobody has said whether the asset holds personal data. */
  personal_data: boolean | null;
  legal_basis: string | null;
  retention: string | null;
  /** Calendar dates `YYYY-MM-DD`. */
  last_reviewed: string | null;
  last_access_review: string | null;
  /** Custom attributes that custom rules can test as `fields.<name>`. */
  fields: Record<string, unknown>;
}

/** How a rule may test a field: text (set, in list, minimum length), boolean (set, in list), date. */
export type FieldKind = 'text' | 'boolean' | 'date';

interface FieldInfo {
  kind: FieldKind;
  /** English label used in generic reasons ("Purpose is not set"). */
  label: string;
}

/** The asset fields rules may name; `fields.<name>` reaches a custom attribute (of any kind). */
export const RULE_FIELDS = {
  office_key: { kind: 'text', label: 'Office' },
  region_key: { kind: 'text', label: 'Region' },
  department_key: { kind: 'text', label: 'Department' },
  description: { kind: 'text', label: 'Description' },
  purpose: { kind: 'text', label: 'Purpose' },
  system_id: { kind: 'text', label: 'System' },
  data_owner_id: { kind: 'text', label: 'Data owner' },
  data_custodian_id: { kind: 'text', label: 'Data custodian' },
  focal_point_id: { kind: 'text', label: 'Focal point' },
  sensitivity_label: { kind: 'text', label: 'Sensitivity label' },
  personal_data: { kind: 'boolean', label: 'Personal data' },
  legal_basis: { kind: 'text', label: 'Legal basis' },
  retention: { kind: 'text', label: 'Retention period' },
  last_reviewed: { kind: 'date', label: 'Last reviewed date' },
  last_access_review: { kind: 'date', label: 'Last access review date' },
} as const satisfies Record<string, FieldInfo>;

export type RuleFieldName = keyof typeof RULE_FIELDS;

const CUSTOM_FIELD = /^fields\.([a-z][a-z0-9_]{0,63})$/;

/** The kind of a field a rule names, 'any' for a custom `fields.<name>`, or null when it is not allowed. */
export function ruleFieldKind(field: string): FieldKind | 'any' | null {
  if (Object.hasOwn(RULE_FIELDS, field)) return RULE_FIELDS[field as RuleFieldName].kind;
  return CUSTOM_FIELD.test(field) ? 'any' : null;
}

export function ruleFieldLabel(field: string): string {
  if (Object.hasOwn(RULE_FIELDS, field)) return RULE_FIELDS[field as RuleFieldName].label;
  return field.replace(/^fields\./, '');
}

/** A function reading the named field of an asset; the field must have passed `ruleFieldKind`. */
export function fieldReader(field: string): (asset: ScoredAsset) => unknown {
  const custom = CUSTOM_FIELD.exec(field);
  if (custom) {
    const name = custom[1]!;
    return (asset) => (Object.hasOwn(asset.fields, name) ? asset.fields[name] : undefined);
  }
  if (!Object.hasOwn(RULE_FIELDS, field)) throw new Error(`unknown rule field: ${field}`);
  const key = field as RuleFieldName;
  return (asset) => asset[key];
}

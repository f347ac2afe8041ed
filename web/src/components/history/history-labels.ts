import { useTranslation } from 'react-i18next';
import { useOfficeOptions } from '../../api/offices';
import { useRegions } from '../../api/regions';
import type en from '../../i18n/en.json';
import { formatDateTime } from '../../i18n/format';

type FieldKey = keyof typeof en.fields;
type ActionKey = keyof typeof en.history.actions;
type EntityTypeKey = keyof typeof en.audit.entityTypes;
type KindKey = keyof typeof en.officeKinds;
type GovernanceRoleKey = keyof typeof en.governanceRoles;
type RoleKey = keyof typeof en.roles;
type TokenStatusKey = keyof typeof en.tokens.statuses;
type AssetTypeKey = keyof typeof en.assets.types;
type LabelKey = keyof typeof en.assets.labels;
type SpecialCategoryKey = keyof typeof en.assets.specialCategories;
type DataSubjectKey = keyof typeof en.assets.dataSubjects;

function has<K extends string>(catalogue: object, key: string): key is K {
  return Object.hasOwn(catalogue, key);
}

// User rows keep these flags as 0/1 in their audit snapshots.
const FLAGS = new Set(['active', 'disabled', 'must_change_password', 'read_only']);
const isInstantField = (field: string) => field.endsWith('_at') || field.endsWith('_until');
const isIdField = (field: string) => field.endsWith('_id') || field.endsWith('_ids');

/** A list kept as JSON text in a snapshot (a user's scope ids), or null. */
function jsonList(value: string): unknown[] | null {
  if (!value.startsWith('[')) return null;
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export type HistoryLabels = ReturnType<typeof useHistoryLabels>;

/**
 * Field names, actions, record types and coded values of audit snapshots in the reader's language;
 * region and office ids (and any in `names`, id → name) show as names, instants as dates.
 */
export function useHistoryLabels(names: Record<string, string> = {}) {
  const { t, i18n } = useTranslation();
  const regions = useRegions();
  const offices = useOfficeOptions();
  const known = new Map<string, string>(Object.entries(names));
  for (const record of [...(regions.data ?? []), ...(offices.data ?? [])]) known.set(record.id, record.name);
  const catalogue = (section: string) => (i18n.getResource('en', 'translation', section) ?? {}) as object;
  const fields = catalogue('fields');
  const actions = catalogue('history.actions');
  const entityTypes = catalogue('audit.entityTypes');
  const kinds = catalogue('officeKinds');
  const governanceRoles = catalogue('governanceRoles');
  const roles = catalogue('roles');
  const statuses = catalogue('tokens.statuses');
  const assetTypes = catalogue('assets.types');
  const labels = catalogue('assets.labels');
  const specialCategories = catalogue('assets.specialCategories');
  const dataSubjects = catalogue('assets.dataSubjects');

  const code = (field: string, value: string): string => {
    if (field === 'kind' && has<KindKey>(kinds, value)) return t(`officeKinds.${value}`);
    if (field === 'governance_roles' && has<GovernanceRoleKey>(governanceRoles, value))
      return t(`governanceRoles.${value}`);
    if (field === 'role' && has<RoleKey>(roles, value)) return t(`roles.${value}`);
    if (field === 'status' && has<TokenStatusKey>(statuses, value)) return t(`tokens.statuses.${value}`);
    if (field === 'asset_type' && has<AssetTypeKey>(assetTypes, value)) return t(`assets.types.${value}`);
    if (field === 'sensitivity_label' && has<LabelKey>(labels, value)) return t(`assets.labels.${value}`);
    if (field === 'special_categories' && has<SpecialCategoryKey>(specialCategories, value))
      return t(`assets.specialCategories.${value}`);
    if (field === 'data_subjects' && has<DataSubjectKey>(dataSubjects, value))
      return t(`assets.dataSubjects.${value}`);
    if (isInstantField(field)) return formatDateTime(value, i18n.language);
    return isIdField(field) ? (known.get(value) ?? value) : value;
  };

  const value = (field: string, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === '') return '—';
    if (typeof raw === 'boolean') return raw ? t('common.yes') : t('common.no');
    if (FLAGS.has(field) && (raw === 0 || raw === 1)) return raw === 1 ? t('common.yes') : t('common.no');
    const list = typeof raw === 'string' && isIdField(field) ? jsonList(raw) : null;
    if (list) return value(field, list);
    if (Array.isArray(raw)) {
      return raw.length === 0 ? '—' : raw.map((item) => code(field, String(item))).join(', ');
    }
    if (typeof raw === 'object') return JSON.stringify(raw);
    return code(field, String(raw));
  };

  return {
    field: (field: string) => (has<FieldKey>(fields, field) ? t(`fields.${field}`) : field),
    action: (action: string) => (has<ActionKey>(actions, action) ? t(`history.actions.${action}`) : action),
    entityType: (type: string) =>
      has<EntityTypeKey>(entityTypes, type) ? t(`audit.entityTypes.${type}`) : type,
    value,
  };
}

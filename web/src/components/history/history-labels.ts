import { useTranslation } from 'react-i18next';
import { useOfficeOptions } from '../../api/offices';
import { useRegions } from '../../api/regions';
import type en from '../../i18n/en.json';

type FieldKey = keyof typeof en.fields;
type ActionKey = keyof typeof en.history.actions;
type KindKey = keyof typeof en.officeKinds;
type GovernanceRoleKey = keyof typeof en.governanceRoles;

function has<K extends string>(catalogue: object, key: string): key is K {
  return Object.hasOwn(catalogue, key);
}

/**
 * Field names, actions and coded values of audit snapshots in the reader's language; region and
 * office ids (and any in `names`, id → name) show as names.
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
  const kinds = catalogue('officeKinds');
  const roles = catalogue('governanceRoles');

  const code = (field: string, value: string): string => {
    if (field === 'kind' && has<KindKey>(kinds, value)) return t(`officeKinds.${value}`);
    if (field === 'governance_roles' && has<GovernanceRoleKey>(roles, value))
      return t(`governanceRoles.${value}`);
    return field.endsWith('_id') ? (known.get(value) ?? value) : value;
  };

  return {
    field: (field: string) => (has<FieldKey>(fields, field) ? t(`fields.${field}`) : field),
    action: (action: string) => (has<ActionKey>(actions, action) ? t(`history.actions.${action}`) : action),
    value(field: string, value: unknown): string {
      if (value === null || value === undefined || value === '') return '—';
      if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
      if (Array.isArray(value)) {
        return value.length === 0 ? '—' : value.map((item) => code(field, String(item))).join(', ');
      }
      if (typeof value === 'object') return JSON.stringify(value);
      return code(field, String(value));
    },
  };
}

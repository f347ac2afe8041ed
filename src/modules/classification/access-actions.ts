import { createHash } from 'node:crypto';
import type { ActionChanges, NewAction, StoredAction } from '../actions/actions.service.js';
import type { LocalisedTitle } from '../actions/actions.schema.js';
import type { AccessViolation } from './access-policy.js';
import type { Severity } from './label-policy.schema.js';

/* Access violations of an asset as actions for its custodian: pure, so the rules are tested alone. */

export const ACCESS_SOURCE = 'access';

/** Days to fix a violation, by severity. */
export const ACCESS_DUE_DAYS: Record<Severity, number> = { critical: 7, high: 14, medium: 30, low: 60 };

export const ACCESS_CODE_TITLES: ReadonlyMap<string, LocalisedTitle> = new Map([
  [
    'forbidden_principal_type',
    {
      en: 'Access not allowed for this label',
      fr: 'Accès non autorisé pour ce niveau de sensibilité',
      es: 'Acceso no permitido para esta etiqueta',
    },
  ],
  [
    'too_many_principals',
    {
      en: 'Too many people have access for this label',
      fr: 'Trop de personnes ont accès pour ce niveau de sensibilité',
      es: 'Demasiadas personas tienen acceso para esta etiqueta',
    },
  ],
]);

/** One open action per asset, rule, resource and principal. */
export function accessActionKey(assetId: string, violation: AccessViolation): string {
  const what = `${violation.resource.trim().toLowerCase()}\u0000${violation.principal?.trim().toLowerCase() ?? ''}`;
  const digest = createHash('sha256').update(what).digest('hex').slice(0, 24);
  return `${ACCESS_SOURCE}:${assetId}:${violation.rule}:${digest}`;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface AccessAsset {
  id: string;
  office_id: string;
  data_custodian_id: string | null;
}

/**
 * Bring an asset's open access actions in line with a new check: a new violation opens an action for
 * the custodian (due by its severity), one still there is kept (its assignee follows the custodian),
 * and one gone is closed as resolved. Actions of other assets are left alone.
 */
export function accessActionChanges(
  asset: AccessAsset,
  violations: readonly AccessViolation[],
  stored: readonly StoredAction[],
  today: string,
): ActionChanges & { kept: number } {
  const planned = new Map<string, NewAction>();
  for (const violation of violations) {
    const key = accessActionKey(asset.id, violation);
    if (planned.has(key)) continue;
    planned.set(key, {
      source: ACCESS_SOURCE,
      source_key: key,
      subject_type: 'asset',
      subject_id: asset.id,
      office_id: asset.office_id,
      assignee_person_id: asset.data_custodian_id,
      code: violation.rule,
      reason_codes: [violation.severity, ...(violation.principal_type ? [violation.principal_type] : [])],
      due_date: addDays(today, ACCESS_DUE_DAYS[violation.severity]),
    });
  }
  const close: ActionChanges['close'][number][] = [];
  const update: ActionChanges['update'][number][] = [];
  const kept = new Set<string>();
  for (const action of stored) {
    if (action.subject_id !== asset.id) continue;
    if (!planned.has(action.source_key) || kept.has(action.source_key)) {
      close.push({ id: action.id, reason: kept.has(action.source_key) ? 'duplicate' : 'resolved' });
      continue;
    }
    kept.add(action.source_key);
    if (action.assignee_person_id !== asset.data_custodian_id || action.office_id !== asset.office_id)
      update.push({
        id: action.id,
        changes: { assignee_person_id: asset.data_custodian_id, office_id: asset.office_id },
      });
  }
  const open = [...planned.values()].filter((a) => !kept.has(a.source_key));
  return { open, close, update, kept: kept.size };
}

import type { Action } from '@server/modules/actions/actions.schema';
import { formatPartialDate } from '../../i18n/format';
import { localised } from '../scorecard/scorecard-view';

/** An action as a row of "my actions": what to open, what to fix, by when. */
export interface ActionRow {
  id: string;
  /** The subject's page (an asset's or an AI system's), or null when it no longer exists. */
  assetLink: string | null;
  assetName: string | null;
  control: string;
  reasonCodes: string[];
  /** Where the action comes from: 'ai_usage' reasons are `name:value` codes (usage alerts). */
  source: string;
  due: string;
  overdue: boolean;
  closedAt: string | null;
  closeReason: string | null;
}

/** Where each kind of subject has its page (a risk treatment's action opens its risk). */
const SUBJECT_PAGES: Partial<Record<string, string>> = {
  asset: '/inventory/assets',
  ai_system: '/ai-systems',
  risk: '/risks',
};

export function actionRow(action: Action, language: string): ActionRow {
  // Assets, AI systems and risks open their page; other subjects (an AI app of a usage alert) are named only.
  const page = SUBJECT_PAGES[action.subject_type];
  const exists = page !== undefined && action.subject_name !== null;
  return {
    id: action.id,
    assetLink: exists ? `${page}/${encodeURIComponent(action.subject_id)}` : null,
    assetName: action.subject_name,
    control: localised(action.code_title, language, action.code),
    reasonCodes: action.reason_codes,
    source: action.source,
    due: action.due_date,
    // Only an open action can be late; the server decides by its own clock.
    overdue: action.status === 'open' && action.overdue,
    closedAt: action.closed_at,
    closeReason: action.close_reason,
  };
}

/** A translation function as i18next's, with plain keys (the keys used below are all in en.json). */
export type Translate = (key: string, values?: Record<string, string>) => string;

const USAGE_STATUSES = new Set([
  'approved',
  'approved_with_conditions',
  'unapproved',
  'under_review',
  'not_reviewed',
]);

/**
 * An AI usage alert's reason in words. The server records each reason as `name:value`
 * (usage-alerts.ts `alertReasonCodes`): the threshold crossed, the app, department and office, and
 * the app's status or the day it was first seen there. Null for a code it does not know, which the
 * page then shows as given. `appName` names the app when the action's subject is that app.
 */
export function usageReasonText(
  code: string,
  t: Translate,
  language: string,
  appName: string | null,
): string | null {
  const colon = code.indexOf(':');
  if (colon < 0) return null;
  const name = code.slice(0, colon);
  const value = code.slice(colon + 1);
  const number = () => new Intl.NumberFormat(language).format(Number(value));
  switch (name) {
    case 'more_than_users':
    case 'upload_over_mib':
      return /^\d+(\.\d+)?$/.test(value) ? t(`myActions.usageReasons.${name}`, { value: number() }) : null;
    case 'app':
      return t('myActions.usageReasons.app', { value: appName ?? value });
    case 'department':
    case 'office':
      return value === ''
        ? t(`myActions.usageReasons.${name}_unknown`)
        : t(`myActions.usageReasons.${name}`, { value });
    case 'status':
      return USAGE_STATUSES.has(value)
        ? t('myActions.usageReasons.status', { value: t(`usage.status.${value}`) })
        : null;
    case 'first_seen':
      return t('myActions.usageReasons.first_seen', { value: formatPartialDate(value, language) });
    default:
      return null;
  }
}

import type { Action } from '@server/modules/actions/actions.schema';
import { localised } from '../scorecard/scorecard-view';

/** An action as a row of "my actions": what to open, what to fix, by when. */
export interface ActionRow {
  id: string;
  /** The subject's page (an asset's or an AI system's), or null when it no longer exists. */
  assetLink: string | null;
  assetName: string | null;
  control: string;
  reasonCodes: string[];
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
    due: action.due_date,
    // Only an open action can be late; the server decides by its own clock.
    overdue: action.status === 'open' && action.overdue,
    closedAt: action.closed_at,
    closeReason: action.close_reason,
  };
}

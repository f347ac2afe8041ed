/*
 * The scorecard API's answers beyond the scorecard itself, as the scorecard branch defines them
 * (src/modules/scorecard/scorecard-api.schema.ts, src/modules/actions/actions.schema.ts). Replaced by
 * imports of those schemas once they are merged.
 */

export type Severity = 'high' | 'medium' | 'low';

export interface LocalisedText {
  en: string;
  fr: string;
  es: string;
}

export interface ControlInfo {
  id: string;
  title: LocalisedText;
  description: LocalisedText | null;
  severity: Severity;
  weight: number;
  enabled: boolean;
  due_days: number;
  builtin: boolean;
}

export interface ControlsResponse {
  controls: ControlInfo[];
  bands: { healthy: number; fair: number; not_healthy: number };
}

export interface TrendResponse {
  by: string;
  series: {
    key: string | null;
    name: string | null;
    points: { date: string; score: number | null }[];
    latest: number | null;
    change: number | null;
  }[];
}

export interface Action {
  id: string;
  subject_type: string;
  subject_id: string;
  subject_name: string | null;
  assignee_name: string | null;
  code: string;
  code_title: LocalisedText | null;
  reason_codes: string[];
  due_date: string;
  overdue: boolean;
  status: 'open' | 'closed';
  close_reason: string | null;
  opened_at: string;
  closed_at: string | null;
}

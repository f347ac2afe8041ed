/*
 * The output of one ingestion, as plain rows shaped like the tables they will be written to.
 * Dates are YYYY-MM-DD (UTC); department and office are null when neither the log nor the
 * directory gave one. Users appear only as pseudonyms, and only in `app_user_days`, which records
 * presence (this pseudonym used this app on this day), never what or how much they did.
 */

export interface UsageTotals {
  events: number;
  ai_events: number;
  ai_users: number;
}

export interface DailyTotalRow {
  date: string;
  events: number;
  ai_events: number;
}

export interface AppDayRow {
  date: string;
  app_id: string;
  department: string | null;
  office: string | null;
  events: number;
  blocked_events: number;
  /** Distinct users that day (exact); counts over a period come from app_user_days. */
  users: number;
  bytes_up: number;
  bytes_down: number;
}

export interface AppUserDayRow {
  date: string;
  app_id: string;
  department: string | null;
  office: string | null;
  user: string;
}

export interface AppFirstSeenRow {
  app_id: string;
  first_seen: string;
}

export interface DepartmentFirstSeenRow {
  app_id: string;
  department: string;
  first_seen: string;
}

export interface UsageRollupRows {
  period: { from: string | null; to: string | null };
  totals: UsageTotals;
  daily_totals: DailyTotalRow[];
  app_days: AppDayRow[];
  app_user_days: AppUserDayRow[];
  first_seen_apps: AppFirstSeenRow[];
  first_seen_departments: DepartmentFirstSeenRow[];
}

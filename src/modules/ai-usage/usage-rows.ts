/*
 * The output of one ingestion, as plain rows shaped like the tables they will be written to.
 * Dates are YYYY-MM-DD (UTC); department and office are null when neither the log nor the
 * directory gave one. Users appear only as pseudonyms, listed once in `pseudonyms`; each roll-up row
 * names the users behind it by their place in that list (`user_numbers`), which records presence (this
 * pseudonym used this app on this day), never what or how much they did.
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
  /** Distinct users that day (exact): the length of `user_numbers`. */
  users: number;
  bytes_up: number;
  bytes_down: number;
  /** The users that day, as places in `UsageRollupRows.pseudonyms`: sorted, distinct. */
  user_numbers: Uint32Array;
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

/** The first day an app was seen in a department and office (each null when unknown). */
export interface UnitFirstSeenRow {
  app_id: string;
  department: string | null;
  office: string | null;
  first_seen: string;
}

export interface UsageRollupRows {
  period: { from: string | null; to: string | null };
  totals: UsageTotals;
  daily_totals: DailyTotalRow[];
  app_days: AppDayRow[];
  /** The pseudonyms of the users behind `app_days`, sorted (each one once). */
  pseudonyms: string[];
  /** How many (day, app, department, office, user) entries `app_days` holds in all. */
  user_days: number;
  first_seen_apps: AppFirstSeenRow[];
  first_seen_departments: DepartmentFirstSeenRow[];
  /** Per app × department × office, in the order of `app_days`' first rows. */
  first_seen_units: UnitFirstSeenRow[];
}

/** The presence entries one by one (day, app, unit, pseudonym), in the order of `app_days`. */
export function appUserDays(rows: UsageRollupRows): AppUserDayRow[] {
  const entries: AppUserDayRow[] = [];
  for (const row of rows.app_days)
    for (const number of row.user_numbers)
      entries.push({
        date: row.date,
        app_id: row.app_id,
        department: row.department,
        office: row.office,
        user: rows.pseudonyms[number]!,
      });
  return entries;
}

import type { Catalogue } from './catalogue.js';
import { CATEGORY_LABELS, type CatalogueApp, type RiskLevel } from './catalogue.schema.js';
import type { UsageRollupRows } from './usage-rows.js';
import { distinctUsersBy } from './user-sets.js';

/*
 * What the roll-ups say, per app and per department and office, over everything that was read:
 * the basis of the preview printed by `custos usage analyse` (the stored report comes later and
 * will add approval status from the AI registry). Users are distinct pseudonyms over the whole
 * period, not sums of daily counts.
 */

export interface AppUsage {
  app_id: string;
  name: string;
  vendor: string;
  category: string;
  risk: RiskLevel;
  events: number;
  blocked_events: number;
  users: number;
  bytes_up: number;
  bytes_down: number;
  first_seen: string;
}

export interface DepartmentUsage {
  department: string | null;
  office: string | null;
  ai_events: number;
  high_risk_events: number;
  users: number;
}

export interface UsageSummary {
  period: { from: string | null; to: string | null };
  totals: UsageRollupRows['totals'];
  apps: AppUsage[];
  departments: DepartmentUsage[];
}

export function summariseUsage(rows: UsageRollupRows, catalogue: Catalogue): UsageSummary {
  const byId = new Map<string, CatalogueApp>(catalogue.apps.map((app) => [app.id, app]));
  const firstSeen = new Map(rows.first_seen_apps.map((row) => [row.app_id, row.first_seen]));
  const apps = new Map<string, AppUsage>();
  const units = new Map<string, DepartmentUsage>();
  const unitKey = (department: string | null, office: string | null) => JSON.stringify([department, office]);

  for (const row of rows.app_days) {
    const app = byId.get(row.app_id)!;
    let usage = apps.get(row.app_id);
    if (!usage) {
      usage = {
        app_id: app.id,
        name: app.name,
        vendor: app.vendor,
        category: CATEGORY_LABELS[app.category],
        risk: app.risk,
        events: 0,
        blocked_events: 0,
        users: 0,
        bytes_up: 0,
        bytes_down: 0,
        first_seen: firstSeen.get(app.id) ?? row.date,
      };
      apps.set(row.app_id, usage);
    }
    usage.events += row.events;
    usage.blocked_events += row.blocked_events;
    usage.bytes_up += row.bytes_up;
    usage.bytes_down += row.bytes_down;
    const key = unitKey(row.department, row.office);
    let unit = units.get(key);
    if (!unit) {
      unit = { department: row.department, office: row.office, ai_events: 0, high_risk_events: 0, users: 0 };
      units.set(key, unit);
    }
    unit.ai_events += row.events;
    if (app.risk === 'high') unit.high_risk_events += row.events;
  }
  const usersOf = (row: (typeof rows.app_days)[number]) => row.user_numbers;
  const appUsers = distinctUsersBy(rows.app_days, usersOf, (row) => row.app_id);
  const unitUsers = distinctUsersBy(rows.app_days, usersOf, (row) => unitKey(row.department, row.office));
  for (const [id, usage] of apps) usage.users = appUsers.get(id) ?? 0;
  for (const [key, unit] of units) unit.users = unitUsers.get(key) ?? 0;
  return {
    period: rows.period,
    totals: rows.totals,
    apps: [...apps.values()].sort((a, b) => b.events - a.events || a.app_id.localeCompare(b.app_id)),
    departments: [...units.values()].sort(
      (a, b) => b.ai_events - a.ai_events || (a.department ?? '').localeCompare(b.department ?? ''),
    ),
  };
}

import type { RiskLevel } from './catalogue.schema.js';
import { dayToIsoDate } from './log-time.js';
import type { AppStatus, StatusSource } from './app-status.js';
import { dayNumber, isHighRisk, isUnapproved, SMALL_CELL } from './usage-report.js';
import type { OrganisationApp } from './usage-apps.js';
import type { Period } from './usage-report.repository.js';

/*
 * The AI usage alert rules (pure: the service reads the sums and the open actions).
 *
 * - unapproved_high_risk_users: an app the organisation has not approved (unapproved, under review,
 *   not reviewed) and rated high risk, used by more than `min_users` distinct users in one department
 *   (department × office, as the logs and the directory name them) over the period;
 * - new_app_upload: an app first seen in a department within the period, to which that department
 *   uploaded more than `upload_threshold_mib` MiB over the period (whatever the app's status).
 *
 * The period is the last `window_days` days of stored usage (ending on the last day a log covers, or
 * today if that is later than today). Each alert is one action, keyed per rule × app × department.
 */

export const USAGE_ACTION_SOURCE = 'ai_usage';
export const ALERT_RULES = ['unapproved_high_risk_users', 'new_app_upload'] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

export interface AlertSettings {
  /** An alert when more than this many distinct users (at least 4, so an alert always means 5 or more). */
  min_users: number;
  upload_threshold_mib: number;
  window_days: number;
  /** The action's due date: the day it opens plus this many days. */
  due_days: number;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  min_users: 10,
  upload_threshold_mib: 50,
  window_days: 30,
  due_days: 14,
};

/** The lowest N: "more than N users" then always means at least SMALL_CELL users. */
export const MIN_ALERT_USERS = SMALL_CELL - 1;

const MIB = 1024 * 1024;

/** One app in one department over the period. */
export interface UnitAppStat {
  app_id: string;
  department: string | null;
  office: string | null;
  users: number;
  bytes_up: number;
  /** The first day the app was ever seen in this department. */
  first_seen: string;
}

export interface UsageAlert {
  rule: AlertRule;
  key: string;
  app_id: string;
  app_name: string;
  status: AppStatus;
  status_source: StatusSource;
  risk: RiskLevel;
  department: string | null;
  office: string | null;
  users: number;
  bytes_up: number;
  first_seen: string;
}

/** The period the alerts look at, or null when nothing is stored. */
export function alertPeriod(lastStoredDay: string | null, today: string, windowDays: number): Period | null {
  if (lastStoredDay === null) return null;
  const to = lastStoredDay < today ? lastStoredDay : today;
  return { from: dayToIsoDate(dayNumber(to) - windowDays + 1), to };
}

export function addDays(day: string, days: number): string {
  return dayToIsoDate(dayNumber(day) + days);
}

/** The dedupe key of one rule's action for one app in one department. */
export function alertKey(rule: AlertRule, appId: string, department: string | null, office: string | null) {
  return [USAGE_ACTION_SOURCE, rule, appId, office ?? '', department ?? '']
    .map((part) => encodeURIComponent(part))
    .join(':');
}

/** Every alert the rules raise, ordered by rule, then most users / most bytes first. */
export function evaluateAlerts(
  stats: readonly UnitAppStat[],
  apps: ReadonlyMap<string, OrganisationApp>,
  settings: AlertSettings,
  period: Period,
): UsageAlert[] {
  const alerts: UsageAlert[] = [];
  for (const stat of stats) {
    const app = apps.get(stat.app_id);
    const alert = (rule: AlertRule): UsageAlert => ({
      rule,
      key: alertKey(rule, stat.app_id, stat.department, stat.office),
      app_id: stat.app_id,
      app_name: app?.name ?? stat.app_id,
      status: app?.status ?? 'not_reviewed',
      status_source: app?.status_source ?? 'not_reviewed',
      risk: app?.risk ?? 'high',
      department: stat.department,
      office: stat.office,
      users: stat.users,
      bytes_up: stat.bytes_up,
      first_seen: stat.first_seen,
    });
    // As in the report: an app no longer in the catalogue counts as unapproved, not as high-risk.
    if (isUnapproved(app) && isHighRisk(app) && stat.users > settings.min_users)
      alerts.push(alert('unapproved_high_risk_users'));
    if (
      stat.first_seen >= period.from &&
      stat.first_seen <= period.to &&
      stat.bytes_up > settings.upload_threshold_mib * MIB
    )
      alerts.push(alert('new_app_upload'));
  }
  const order = (rule: AlertRule) => ALERT_RULES.indexOf(rule);
  return alerts.sort(
    (a, b) =>
      order(a.rule) - order(b.rule) ||
      b.users - a.users ||
      b.bytes_up - a.bytes_up ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** What an alert's action records: no user counts, so nothing in it needs small-cell suppression. */
export function alertReasonCodes(alert: UsageAlert, settings: AlertSettings): string[] {
  const where = [
    `app:${alert.app_id}`,
    `department:${alert.department ?? ''}`,
    `office:${alert.office ?? ''}`,
  ];
  return alert.rule === 'unapproved_high_risk_users'
    ? [`more_than_users:${settings.min_users}`, ...where, `status:${alert.status}`]
    : [`upload_over_mib:${settings.upload_threshold_mib}`, ...where, `first_seen:${alert.first_seen}`];
}

/** The organisation's offices, departments and the people alerts may be assigned to. */
export interface AssigneeDirectory {
  offices: readonly { id: string; name: string; code: string }[];
  departments: readonly { id: string; office_id: string; name: string; code: string }[];
  /** Active people with the focal point governance role, by name. */
  focalPoints: readonly { id: string; office_id: string; department_id: string | null }[];
  /** People linked to active governance officer accounts, by e-mail. */
  governanceOfficers: readonly string[];
}

export interface Assignment {
  office_id: string | null;
  assignee_person_id: string | null;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Who an alert goes to: the log's office and department are matched by name or code (letter case
 * aside) to the organisation's; the department's focal point, else the office's, else the first
 * governance officer. The action belongs to the matched office (its focal points see it), or to none.
 */
export function assignAlert(
  alert: Pick<UsageAlert, 'department' | 'office'>,
  directory: AssigneeDirectory,
): Assignment {
  const officeName = alert.office;
  const office =
    officeName === null
      ? undefined
      : directory.offices.find((o) => same(o.name, officeName) || same(o.code, officeName));
  const departmentName = alert.department;
  const department =
    office && departmentName !== null
      ? directory.departments.find(
          (d) => d.office_id === office.id && (same(d.name, departmentName) || same(d.code, departmentName)),
        )
      : undefined;
  const focal =
    (department && directory.focalPoints.find((p) => p.department_id === department.id)) ??
    (office && directory.focalPoints.find((p) => p.office_id === office.id));
  return {
    office_id: office?.id ?? null,
    assignee_person_id: focal?.id ?? directory.governanceOfficers[0] ?? null,
  };
}

/** An open action of this source, as reconciliation needs it. */
export interface OpenAlertAction {
  id: string;
  source_key: string;
  reason_codes: readonly string[];
  office_id: string | null;
  assignee_person_id: string | null;
}

export interface PlannedAlertAction extends Assignment {
  alert: UsageAlert;
  reason_codes: string[];
}

export interface AlertReconciliation {
  open: PlannedAlertAction[];
  close: string[];
  update: { id: string; changes: Partial<Pick<PlannedAlertAction, 'reason_codes' | keyof Assignment>> }[];
  unchanged: number;
}

/**
 * Compare the open actions with the alerts now true: a new alert opens an action, an action whose
 * alert no longer holds closes (resolved), one whose reasons or assignee moved is updated; a second
 * open action with the same key closes too (the first is kept). The due date never moves.
 */
export function reconcileAlerts(
  openActions: readonly OpenAlertAction[],
  planned: readonly PlannedAlertAction[],
): AlertReconciliation {
  const byKey = new Map(planned.map((p) => [p.alert.key, p]));
  const result: AlertReconciliation = { open: [], close: [], update: [], unchanged: 0 };
  const kept = new Set<string>();
  for (const action of openActions) {
    const next = byKey.get(action.source_key);
    if (!next || kept.has(action.source_key)) {
      result.close.push(action.id);
      continue;
    }
    kept.add(action.source_key);
    const changes: AlertReconciliation['update'][number]['changes'] = {};
    if (JSON.stringify(next.reason_codes) !== JSON.stringify(action.reason_codes))
      changes.reason_codes = next.reason_codes;
    if (next.assignee_person_id !== action.assignee_person_id)
      changes.assignee_person_id = next.assignee_person_id;
    if (next.office_id !== action.office_id) changes.office_id = next.office_id;
    if (Object.keys(changes).length > 0) result.update.push({ id: action.id, changes });
    else result.unchanged += 1;
  }
  for (const p of planned) if (!kept.has(p.alert.key)) result.open.push(p);
  return result;
}

import { daysFromCivil, dayToIsoDate } from './log-time.js';
import { CATEGORY_LABELS } from './catalogue.schema.js';
import { isApproved, isGenerative, type OrganisationApp } from './usage-apps.js';
import type {
  AppTotal,
  DayAppTotal,
  DayTotal,
  Period,
  UnitAppTotal,
  UnitUsers,
} from './usage-report.repository.js';
import { summaryParagraph } from './usage-report-text.js';
import {
  SUPPRESSED,
  type ReportApp,
  type ReportDepartment,
  type UsageLang,
  type UsageReport,
  type UserCount,
} from './usage.schema.js';

/*
 * The usage report from the stored roll-ups summed over a period (pure: the service reads the sums,
 * this applies the organisation's statuses and risk, ranks, suppresses small cells and writes the
 * summary paragraph). "Unapproved" use is use of any app the organisation has not approved:
 * unapproved, under review or not reviewed.
 */

/** Fewer distinct users than this are shown as "<5" when suppression is on. */
export const SMALL_CELL = 5;

export interface ReportData {
  period: Period;
  dayTotals: DayTotal[];
  appTotals: AppTotal[];
  unitAppTotals: UnitAppTotal[];
  dayAppTotals: DayAppTotal[];
  users: {
    total: number;
    byApp: ReadonlyMap<string, number>;
    byUnit: UnitUsers[];
    unapproved: number;
    highRisk: number;
    /** Per week (its Monday). */
    byWeek: ReadonlyMap<string, number>;
  };
  /** First day each app was seen, over everything stored. */
  firstSeen: ReadonlyMap<string, string>;
}

export interface ReportOptions {
  suppress: boolean;
  lang: UsageLang;
}

/** An app no longer in the catalogue (a custom app removed): reported under its id. */
function appOf(apps: ReadonlyMap<string, OrganisationApp>, id: string): OrganisationApp | undefined {
  return apps.get(id);
}

export const isUnapproved = (app: OrganisationApp | undefined) =>
  app === undefined || !isApproved(app.status);
export const isHighRisk = (app: OrganisationApp | undefined) => app?.risk === 'high';

/** The apps (ids) whose use counts as unapproved, and as high-risk. */
export function appGroups(apps: ReadonlyMap<string, OrganisationApp>, ids: Iterable<string>) {
  const unapproved: string[] = [];
  const highRisk: string[] = [];
  for (const id of ids) {
    const app = appOf(apps, id);
    if (isUnapproved(app)) unapproved.push(id);
    if (isHighRisk(app)) highRisk.push(id);
  }
  return { unapproved, highRisk };
}

/** The weeks (Mondays) of the period, each with the part of the period it covers. */
export function weeksOf(period: Period): { week: string; from: string; to: string }[] {
  const first = dayNumber(period.from);
  const last = dayNumber(period.to);
  const weeks: { week: string; from: string; to: string }[] = [];
  // 1970-01-01 was a Thursday: day 0 is 3 days after a Monday.
  for (let monday = first - ((first + 3) % 7); monday <= last; monday += 7)
    weeks.push({
      week: dayToIsoDate(monday),
      from: dayToIsoDate(Math.max(monday, first)),
      to: dayToIsoDate(Math.min(monday + 6, last)),
    });
  return weeks;
}

export function weekOf(day: string): string {
  const n = dayNumber(day);
  return dayToIsoDate(n - ((n + 3) % 7));
}

export function dayNumber(day: string): number {
  return daysFromCivil(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));
}

export function buildUsageReport(
  data: ReportData,
  apps: ReadonlyMap<string, OrganisationApp>,
  options: ReportOptions,
): UsageReport {
  const users = (n: number): UserCount => (options.suppress && n < SMALL_CELL ? SUPPRESSED : n);
  const events = data.dayTotals.reduce((sum, day) => sum + day.events, 0);
  const aiEvents = data.dayTotals.reduce((sum, day) => sum + day.ai_events, 0);

  const appRows: ReportApp[] = data.appTotals
    .map((total) => {
      const app = appOf(apps, total.app_id);
      return {
        app_id: total.app_id,
        name: app?.name ?? total.app_id,
        vendor: app?.vendor ?? '',
        category: app ? CATEGORY_LABELS[app.category] : '',
        status: app?.status ?? 'not_reviewed',
        status_source: app?.status_source ?? 'not_reviewed',
        status_system: app?.status_system ?? null,
        risk: app?.risk ?? 'high',
        events: total.events,
        users: users(data.users.byApp.get(total.app_id) ?? 0),
        bytes_up: total.bytes_up,
        bytes_down: total.bytes_down,
        blocked_events: total.blocked_events,
        first_seen: data.firstSeen.get(total.app_id) ?? data.period.from,
      };
    })
    .sort((a, b) => b.events - a.events || compare(a.app_id, b.app_id));

  const unitUsers = new Map(data.users.byUnit.map((unit) => [unitKey(unit), unit.users]));
  const units = new Map<string, ReportDepartment>();
  for (const row of data.unitAppTotals) {
    const key = unitKey(row);
    let unit = units.get(key);
    if (!unit) {
      unit = {
        department: row.department,
        office: row.office,
        ai_events: 0,
        unapproved_events: 0,
        high_risk_events: 0,
        users: users(unitUsers.get(key) ?? 0),
      };
      units.set(key, unit);
    }
    const app = appOf(apps, row.app_id);
    unit.ai_events += row.events;
    if (isUnapproved(app)) unit.unapproved_events += row.events;
    if (isHighRisk(app)) unit.high_risk_events += row.events;
  }
  const departments = [...units.values()].sort(
    (a, b) =>
      b.unapproved_events - a.unapproved_events ||
      b.high_risk_events - a.high_risk_events ||
      b.ai_events - a.ai_events ||
      compare(a.department ?? '', b.department ?? '') ||
      compare(a.office ?? '', b.office ?? ''),
  );

  const unapprovedEvents = appRows.filter((a) => isUnapproved(appOf(apps, a.app_id))).reduce(addEvents, 0);
  const highRiskEvents = appRows.filter((a) => isHighRisk(appOf(apps, a.app_id))).reduce(addEvents, 0);
  const generative = appRows.filter((row) => {
    const app = appOf(apps, row.app_id);
    return isUnapproved(app) && (app === undefined || isGenerative(app.category)) && row.bytes_up > 0;
  });

  const weekly = weeksOf(data.period).map(({ week }) => ({
    week,
    events: 0,
    ai_events: 0,
    unapproved_events: 0,
    high_risk_events: 0,
    ai_users: users(data.users.byWeek.get(week) ?? 0),
  }));
  const byWeek = new Map(weekly.map((row) => [row.week, row]));
  for (const day of data.dayTotals) {
    const row = byWeek.get(weekOf(day.day))!;
    row.events += day.events;
    row.ai_events += day.ai_events;
  }
  for (const day of data.dayAppTotals) {
    const row = byWeek.get(weekOf(day.day))!;
    const app = appOf(apps, day.app_id);
    if (isUnapproved(app)) row.unapproved_events += day.events;
    if (isHighRisk(app)) row.high_risk_events += day.events;
  }

  const report: Omit<UsageReport, 'summary'> = {
    period: { from: data.period.from, to: data.period.to },
    totals: { events, ai_events: aiEvents, ai_users: users(data.users.total) },
    apps: appRows,
    departments,
    new_apps: appRows
      .filter((app) => app.first_seen >= data.period.from && app.first_seen <= data.period.to)
      .sort((a, b) => compare(a.first_seen, b.first_seen) || b.events - a.events),
    risk: {
      unapproved_events: unapprovedEvents,
      high_risk_events: highRiskEvents,
      unapproved_share: share(unapprovedEvents, aiEvents),
      high_risk_share: share(highRiskEvents, aiEvents),
      unapproved_users: users(data.users.unapproved),
      high_risk_users: users(data.users.highRisk),
    },
    unapproved_generative_upload: {
      bytes_up: generative.reduce((sum, app) => sum + app.bytes_up, 0),
      apps: generative.length,
    },
    weekly,
    suppressed: options.suppress,
    lang: options.lang,
  };
  return { ...report, summary: summaryParagraph(report, options.lang) };
}

const addEvents = (sum: number, app: { events: number }) => sum + app.events;

/** A share rounded to 4 decimals (0.1234 = 12.34%); 0 when there is nothing to share. */
function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}

function unitKey(unit: { department: string | null; office: string | null }): string {
  return JSON.stringify([unit.department, unit.office]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { z } from 'zod';
import { APP_CATEGORIES, APP_ID_PATTERN, appAttributesSchema, RISK_LEVELS } from './catalogue.schema.js';
import { LOG_FORMATS } from './log-event.js';
import { APP_STATUSES, STATUS_SOURCES } from './app-status.js';

/* Inputs of the usage commands, validated once at the edge (CLI now, HTTP with `ingest`). */

export const FORMAT_CHOICES = ['auto', ...LOG_FORMATS] as const;

export const analyseInputSchema = z.strictObject({
  files: z.array(z.string().min(1)).min(1, 'give at least one log file'),
  format: z.enum(FORMAT_CHOICES).default('auto'),
  map: z.string().min(1).max(2000).optional(),
  directory: z.string().min(1).optional(),
});
export type AnalyseInput = z.infer<typeof analyseInputSchema>;

/* Stored usage: ingestion, files, the report and the organisation's app catalogue (HTTP and CLI). */

export const USAGE_LANGS = ['en', 'fr', 'es'] as const;
export type UsageLang = (typeof USAGE_LANGS)[number];

const isoDay = z.iso.date('use a date as YYYY-MM-DD');
const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((value) => value === 'true');

export const ingestQuerySchema = z.strictObject({
  format: z.enum(FORMAT_CHOICES).default('auto'),
  map: z.string().min(1).max(2000).optional(),
  /** The file's name, for the list of ingested files (multipart uploads carry their own). */
  name: z.string().min(1).max(255).optional(),
});

export const ingestInputSchema = analyseInputSchema;

const malformedLineSchema = z.object({ line: z.number().int(), reason: z.string() });

/** One evaluation of the alert rules: the alerts now true and what changed in their actions. */
export const alertRunSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  alerts: z.number().int(),
  actions: z.object({
    opened: z.number().int(),
    closed: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  }),
});
export type AlertRun = z.infer<typeof alertRunSchema>;

export const ingestResultSchema = z.object({
  file: z.string(),
  status: z.enum(['ingested', 'already_ingested']),
  /** The stored file's id (the earlier ingestion's when it was already ingested). */
  file_id: z.string(),
  fingerprint: z.string(),
  format: z.enum(LOG_FORMATS),
  compressed: z.boolean(),
  lines: z.number().int(),
  events: z.number().int(),
  ai_events: z.number().int(),
  skipped: z.number().int(),
  malformed: z.number().int(),
  malformed_examples: z.array(malformedLineSchema),
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  /** What was written: roll-up rows, user-day rows (pseudonymous presence). Zero when already ingested. */
  written: z.object({ daily: z.number().int(), user_days: z.number().int() }),
  /** The alerts evaluated in the same transaction (null when the file was already ingested). */
  alerts: alertRunSchema.nullable(),
});
export type IngestResult = z.infer<typeof ingestResultSchema>;

export const usageFileSchema = z.object({
  id: z.string(),
  fingerprint: z.string(),
  name: z.string(),
  format: z.string(),
  compressed: z.boolean(),
  bytes: z.number().int(),
  lines: z.number().int(),
  events: z.number().int(),
  ai_events: z.number().int(),
  malformed: z.number().int(),
  first_day: z.string().nullable(),
  last_day: z.string().nullable(),
  ingested_by: z.string(),
  ingested_at: z.string(),
});
export type UsageFile = z.infer<typeof usageFileSchema>;

/** At most two years per report (one query per week counts its distinct users). */
export const MAX_REPORT_DAYS = 731;

/** from ≤ to, and not more than MAX_REPORT_DAYS apart. */
function periodChecked<S extends z.ZodType<{ from: string; to: string }>>(schema: S) {
  return schema
    .refine((query) => query.from <= query.to, { message: 'from must not be after to', path: ['from'] })
    .refine((query) => (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 < MAX_REPORT_DAYS, {
      message: `a report covers at most ${MAX_REPORT_DAYS} days`,
      path: ['from'],
    });
}

export const reportQuerySchema = periodChecked(
  z.strictObject({
    from: isoDay,
    to: isoDay,
    /** Small-cell suppression: fewer than 5 distinct users shown as "<5". */
    suppress: flag('false'),
    lang: z.enum(USAGE_LANGS).default('en'),
  }),
);
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const xlsxReportQuerySchema = periodChecked(
  z.strictObject({
    from: isoDay,
    to: isoDay,
    suppress: flag('true'),
    lang: z.enum(USAGE_LANGS).default('en'),
  }),
);

/** A distinct-user count, or "<5" where small cells are suppressed. */
export const SUPPRESSED = '<5';
export const userCountSchema = z.union([z.number().int(), z.literal(SUPPRESSED)]);
export type UserCount = z.infer<typeof userCountSchema>;

/** The AI system of the registry an app's status was taken from. */
const statusSystemSchema = z.object({ id: z.string(), name: z.string() }).nullable();

const reportAppSchema = z.object({
  app_id: z.string(),
  name: z.string(),
  vendor: z.string(),
  category: z.string(),
  status: z.enum(APP_STATUSES),
  /** Where the status comes from: an AI system of the registry, the catalogue page, or nobody reviewed it. */
  status_source: z.enum(STATUS_SOURCES),
  status_system: statusSystemSchema,
  risk: z.enum(RISK_LEVELS),
  events: z.number().int(),
  users: userCountSchema,
  bytes_up: z.number().int(),
  bytes_down: z.number().int(),
  blocked_events: z.number().int(),
  first_seen: z.string(),
});
export type ReportApp = z.infer<typeof reportAppSchema>;

const reportDepartmentSchema = z.object({
  department: z.string().nullable(),
  office: z.string().nullable(),
  ai_events: z.number().int(),
  unapproved_events: z.number().int(),
  high_risk_events: z.number().int(),
  users: userCountSchema,
});
export type ReportDepartment = z.infer<typeof reportDepartmentSchema>;

const reportWeekSchema = z.object({
  /** Monday of the ISO week (the first and last weeks may be cut by the period). */
  week: z.string(),
  events: z.number().int(),
  ai_events: z.number().int(),
  unapproved_events: z.number().int(),
  high_risk_events: z.number().int(),
  ai_users: userCountSchema,
});

export const usageReportSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  totals: z.object({ events: z.number().int(), ai_events: z.number().int(), ai_users: userCountSchema }),
  apps: z.array(reportAppSchema),
  departments: z.array(reportDepartmentSchema),
  new_apps: z.array(reportAppSchema),
  summary: z.string(),
  /** Shares of AI events: to apps not approved (unapproved, under review, not reviewed) and high-risk apps. */
  risk: z.object({
    unapproved_events: z.number().int(),
    high_risk_events: z.number().int(),
    unapproved_share: z.number(),
    high_risk_share: z.number(),
    unapproved_users: userCountSchema,
    high_risk_users: userCountSchema,
  }),
  /** Bytes uploaded to generative-AI apps that are not approved. */
  unapproved_generative_upload: z.object({ bytes_up: z.number().int(), apps: z.number().int() }),
  weekly: z.array(reportWeekSchema),
  suppressed: z.boolean(),
  lang: z.enum(USAGE_LANGS),
});
export type UsageReport = z.infer<typeof usageReportSchema>;

export const organisationAppSchema = z.object({
  id: z.string(),
  name: z.string(),
  vendor: z.string(),
  category: z.enum(APP_CATEGORIES),
  domains: z.array(z.string()),
  attributes: appAttributesSchema,
  risk: z.enum(RISK_LEVELS),
  risk_source: z.enum(['catalogue', 'attributes', 'override']),
  /** The status that applies: the registry's when an AI system links the app, else the catalogue page's. */
  status: z.enum(APP_STATUSES),
  status_source: z.enum(STATUS_SOURCES),
  /** The registry system the status was taken from (the most restrictive when several link the app). */
  status_system: statusSystemSchema,
  /** The status set on the catalogue page (PUT /api/usage/apps/:id changes this one). */
  catalogue_status: z.enum(APP_STATUSES),
  /** Every AI system of the registry that links this app. */
  registry_systems: z.array(
    z.object({ id: z.string(), name: z.string(), approval_status: z.enum(APP_STATUSES) }),
  ),
  custom: z.boolean(),
  overridden_attributes: z.array(z.string()),
  note: z.string().optional(),
  version: z.number().int(),
  updated_at: z.string().nullable(),
});

export const appIdParamsSchema = z.object({ id: z.string().min(1).max(64) });

export const appUpdateSchema = z.strictObject({
  /** The version read (0 for an app never changed): a stale version answers 409. */
  version: z.number().int().min(0),
  status: z.enum(APP_STATUSES).optional(),
  /** A rating set by hand; null returns to the catalogue's or the rule's. */
  risk: z.enum(RISK_LEVELS).nullable().optional(),
  /** Attributes that differ from the catalogue for this organisation (merged with earlier overrides). */
  attributes: appAttributesSchema.partial().optional(),
  note: z.string().max(500).nullable().optional(),
});
export type AppUpdate = z.infer<typeof appUpdateSchema>;

export const customAppCreateSchema = z.strictObject({
  id: z.string().regex(APP_ID_PATTERN, 'lower-case words joined by hyphens').max(64),
  name: z.string().trim().min(1).max(120),
  vendor: z.string().trim().min(1).max(120),
  category: z.enum(APP_CATEGORIES),
  domains: z.array(z.string().min(1).max(253)).min(1).max(50),
  attributes: appAttributesSchema,
  status: z.enum(APP_STATUSES).default('not_reviewed'),
  risk: z.enum(RISK_LEVELS).nullable().default(null),
  note: z.string().max(500).nullable().default(null),
});
export type CustomAppCreate = z.infer<typeof customAppCreateSchema>;

/* Alerts: the two rules' settings, the alerts now true and the actions they open. */

const alertSettingsFields = {
  /** More than this many distinct users of an unapproved high-risk app in a department raise an alert. */
  min_users: z.number().int().min(4, 'at least 4: an alert then always means 5 users or more').max(1_000_000),
  /** A newly seen app with more than this many MiB uploaded by a department raises an alert. */
  upload_threshold_mib: z.number().int().min(1).max(10_000_000),
  /** The period looked at: the last this many days of stored usage. */
  window_days: z.number().int().min(1).max(366),
  /** The action's due date: the day it opens plus this many days. */
  due_days: z.number().int().min(1).max(365),
};

export const alertSettingsSchema = z.object({
  ...alertSettingsFields,
  /** 0 while the defaults apply (never changed). */
  version: z.number().int(),
  updated_by: z.string().nullable(),
  updated_at: z.string().nullable(),
});
export type AlertSettingsView = z.infer<typeof alertSettingsSchema>;

export const alertSettingsUpdateSchema = z.strictObject({
  /** The version read (0 before any change): a stale version answers 409. */
  version: z.number().int().min(0),
  min_users: alertSettingsFields.min_users.optional(),
  upload_threshold_mib: alertSettingsFields.upload_threshold_mib.optional(),
  window_days: alertSettingsFields.window_days.optional(),
  due_days: alertSettingsFields.due_days.optional(),
});
export type AlertSettingsUpdate = z.infer<typeof alertSettingsUpdateSchema>;

export const ALERT_RULE_IDS = ['unapproved_high_risk_users', 'new_app_upload'] as const;

export const usageAlertSchema = z.object({
  rule: z.enum(ALERT_RULE_IDS),
  /** The dedupe key of the alert's action (rule × app × office × department). */
  key: z.string(),
  app_id: z.string(),
  app_name: z.string(),
  status: z.enum(APP_STATUSES),
  status_source: z.enum(STATUS_SOURCES),
  risk: z.enum(RISK_LEVELS),
  department: z.string().nullable(),
  office: z.string().nullable(),
  users: userCountSchema,
  bytes_up: z.number().int(),
  first_seen: z.string(),
  /** The open action of this alert (null until the alerts are evaluated after it became true). */
  action_id: z.string().nullable(),
});
export type UsageAlertView = z.infer<typeof usageAlertSchema>;

export const alertsQuerySchema = z.strictObject({ suppress: flag('false') });

export const usageAlertsSchema = z.object({
  /** The days looked at; null when no usage is stored. */
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  settings: alertSettingsSchema,
  alerts: z.array(usageAlertSchema),
  suppressed: z.boolean(),
});
export type UsageAlerts = z.infer<typeof usageAlertsSchema>;

import type { Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import { isoDate, isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import {
  inTransaction,
  isUniqueViolation,
  throwStale,
  type AuditWriter,
  type ServiceDeps,
} from '../../core/service-context.js';
import type { Database } from '../../db/schema.js';
import type { ActionService } from '../actions/actions.service.js';
import type { LocalisedTitle } from '../actions/actions.schema.js';
import {
  addDays,
  alertPeriod,
  alertReasonCodes,
  assignAlert,
  DEFAULT_ALERT_SETTINGS,
  evaluateAlerts,
  reconcileAlerts,
  USAGE_ACTION_SOURCE,
  type AlertRule,
  type AlertSettings,
  type UsageAlert,
} from './usage-alerts.js';
import { ALERT_SETTINGS_ID, UsageAlertRepository, type AlertSettingsRow } from './usage-alerts.repository.js';
import type { UsageAppService } from './usage-apps.service.js';
import type { OrganisationApp } from './usage-apps.js';
import { SMALL_CELL } from './usage-report.js';
import {
  SUPPRESSED,
  type AlertRun,
  type AlertSettingsUpdate,
  type AlertSettingsView,
  type UsageAlerts,
} from './usage.schema.js';

export const ALERT_SETTINGS_ENTITY = 'usage_alert_settings';
export const ALERT_RUN_ENTITY = 'usage_alerts';
export const ALERT_SUBJECT_TYPE = 'ai_app';

/** The actions' titles, per rule. */
export const ALERT_TITLES: Record<AlertRule, LocalisedTitle> = {
  unapproved_high_risk_users: {
    en: 'Unapproved high-risk AI app used by many people in a department',
    fr: 'Application d’IA non approuvée à haut risque utilisée par de nombreuses personnes d’un département',
    es: 'Aplicación de IA no aprobada de alto riesgo usada por muchas personas de un departamento',
  },
  new_app_upload: {
    en: 'Newly seen AI app with large uploads from a department',
    fr: 'Nouvelle application d’IA recevant d’importants envois d’un département',
    es: 'Nueva aplicación de IA con grandes envíos de datos de un departamento',
  },
};

/**
 * The AI usage alerts: their settings (read with 'usage.read', changed with 'usage.settings', admins;
 * versioned, 409 when stale), the alerts now true ('usage.read'), and their evaluation into actions
 * (source 'ai_usage'), after each ingestion and on demand ('usage.ingest'), audited as one event.
 */
export class UsageAlertService {
  private readonly repo = new UsageAlertRepository();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly apps: UsageAppService,
    private readonly actions: ActionService,
  ) {}

  async settings(ctx: RequestContext): Promise<AlertSettingsView> {
    requirePermission(ctx.actor, 'usage.read');
    return presentSettings(await this.repo.settings(this.deps.db.kysely));
  }

  async updateSettings(ctx: RequestContext, input: AlertSettingsUpdate): Promise<AlertSettingsView> {
    requirePermission(ctx.actor, 'usage.settings');
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      const stored = await this.repo.settings(trx);
      const before = presentSettings(stored);
      if (before.version !== input.version)
        throwStale('AI usage alert settings', ALERT_SETTINGS_ID, input.version, before);
      const { version: _version, ...changes } = input;
      const next = {
        min_users: changes.min_users ?? before.min_users,
        upload_threshold_mib: changes.upload_threshold_mib ?? before.upload_threshold_mib,
        window_days: changes.window_days ?? before.window_days,
        due_days: changes.due_days ?? before.due_days,
        updated_by: ctx.actor.label,
        updated_at: isoNow(this.deps.clock),
      };
      if (!stored) await this.repo.insertSettings(trx, { id: ALERT_SETTINGS_ID, ...next, version: 1 });
      else if (!(await this.repo.updateSettings(trx, input.version, next)))
        throwStale(
          'AI usage alert settings',
          ALERT_SETTINGS_ID,
          input.version,
          await this.repo.settings(trx),
        );
      await audit({
        action: 'update',
        entityType: ALERT_SETTINGS_ENTITY,
        entityId: ALERT_SETTINGS_ID,
        before: settingsOf(before),
        after: settingsOf(next),
      });
    }).catch((error: unknown) => {
      // Two first changes at once: the second one's version 0 is stale.
      if (isUniqueViolation(error))
        throw errors.versionConflict('AI usage alert settings', ALERT_SETTINGS_ID, input.version, 1);
      throw error;
    });
    return this.settings(ctx);
  }

  /** The alerts now true, with their open actions; counts below 5 shown as "<5" when suppressed. */
  async list(ctx: RequestContext, query: { suppress: boolean }): Promise<UsageAlerts> {
    requirePermission(ctx.actor, 'usage.read');
    const db = this.deps.db.kysely;
    const stored = await this.repo.settings(db);
    const { period, alerts } = await this.evaluate(db, settingsOf(presentSettings(stored)));
    const open = new Map(
      (await this.actions.openIn(db, USAGE_ACTION_SOURCE)).map((action) => [action.source_key, action.id]),
    );
    return {
      period,
      settings: presentSettings(stored),
      alerts: alerts.map((alert) => ({
        ...alert,
        users: query.suppress && alert.users < SMALL_CELL ? SUPPRESSED : alert.users,
        action_id: open.get(alert.key) ?? null,
      })),
      suppressed: query.suppress,
    };
  }

  /** Evaluate the alerts now and bring the actions in line, in one transaction. */
  async run(ctx: RequestContext): Promise<AlertRun> {
    requirePermission(ctx.actor, 'usage.ingest');
    const { apps } = await this.apps.organisation();
    return inTransaction(this.deps, ctx, (trx, audit) => this.runIn(trx, audit, apps)).catch(
      (error: unknown) => {
        // Another evaluation (or ingestion) opened the same alert's action at the same moment.
        if (isUniqueViolation(error))
          throw errors.conflict('The AI usage alerts were being evaluated at the same moment; try again');
        throw error;
      },
    );
  }

  /**
   * Evaluate and reconcile inside a caller's transaction (ingestion's, after its roll-ups), with the
   * organisation's apps read before it. The caller has checked 'usage.ingest'.
   */
  async runIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    apps: ReadonlyMap<string, OrganisationApp>,
  ): Promise<AlertRun> {
    const settings = settingsOf(presentSettings(await this.repo.settings(trx)));
    const { period, alerts } = await this.evaluate(trx, settings, apps);
    const directory = await this.repo.assigneeDirectory(trx);
    const planned = alerts.map((alert) => ({
      alert,
      reason_codes: alertReasonCodes(alert, settings),
      ...assignAlert(alert, directory),
    }));
    const stored = await this.actions.openIn(trx, USAGE_ACTION_SOURCE);
    const plan = reconcileAlerts(stored, planned);
    const due = addDays(isoDate(this.deps.clock.now()), settings.due_days);
    await this.actions.applyIn(trx, {
      open: plan.open.map(({ alert, reason_codes, office_id, assignee_person_id }) => ({
        source: USAGE_ACTION_SOURCE,
        source_key: alert.key,
        subject_type: ALERT_SUBJECT_TYPE,
        subject_id: alert.app_id,
        office_id,
        assignee_person_id,
        code: alert.rule,
        reason_codes,
        due_date: due,
      })),
      close: plan.close.map((id) => ({ id, reason: 'resolved' })),
      update: plan.update,
    });
    const run: AlertRun = {
      period,
      alerts: alerts.length,
      actions: {
        opened: plan.open.length,
        closed: plan.close.length,
        updated: plan.update.length,
        unchanged: plan.unchanged,
      },
    };
    if (plan.open.length + plan.close.length + plan.update.length > 0)
      await audit({
        action: 'evaluate',
        entityType: ALERT_RUN_ENTITY,
        entityId: USAGE_ACTION_SOURCE,
        after: run,
      });
    return run;
  }

  /** The apps' names, for the actions list (an app no longer in the catalogue keeps its id). */
  async appNames(ids: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const { apps } = await this.apps.organisation();
    return new Map(ids.map((id) => [id, apps.get(id)?.name ?? id]));
  }

  /** The actions' titles, for the actions list. */
  titles(): Promise<ReadonlyMap<string, LocalisedTitle>> {
    return Promise.resolve(new Map(Object.entries(ALERT_TITLES)));
  }

  private async evaluate(
    db: Transaction<Database> | ServiceDeps['db']['kysely'],
    settings: AlertSettings,
    known?: ReadonlyMap<string, OrganisationApp>,
  ): Promise<{ period: { from: string; to: string } | null; alerts: UsageAlert[] }> {
    const period = alertPeriod(
      await this.repo.lastStoredDay(db),
      isoDate(this.deps.clock.now()),
      settings.window_days,
    );
    if (!period) return { period, alerts: [] };
    const apps = known ?? (await this.apps.organisation()).apps;
    return {
      period,
      alerts: evaluateAlerts(await this.repo.unitAppStats(db, period), apps, settings, period),
    };
  }
}

function presentSettings(row: AlertSettingsRow | undefined): AlertSettingsView {
  if (!row) return { ...DEFAULT_ALERT_SETTINGS, version: 0, updated_by: null, updated_at: null };
  return {
    min_users: row.min_users,
    upload_threshold_mib: row.upload_threshold_mib,
    window_days: row.window_days,
    due_days: row.due_days,
    version: row.version,
    updated_by: row.updated_by,
    updated_at: row.updated_at,
  };
}

function settingsOf(view: AlertSettings): AlertSettings {
  return {
    min_users: view.min_users,
    upload_threshold_mib: view.upload_threshold_mib,
    window_days: view.window_days,
    due_days: view.due_days,
  };
}

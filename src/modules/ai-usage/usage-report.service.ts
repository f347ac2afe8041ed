import type { RequestContext } from '../../core/audit.js';
import { requirePermission } from '../../core/permissions.js';
import type { ServiceDeps } from '../../core/service-context.js';
import type { UsageAppService } from './usage-apps.service.js';
import { appGroups, buildUsageReport, weekOf, type ReportData } from './usage-report.js';
import { UsageReportRepository, type Period } from './usage-report.repository.js';
import { unitName } from './usage.repository.js';
import { UserTally } from './user-sets.js';
import { usageReportXlsx } from './usage-report-xlsx.js';
import type { UsageLang, UsageReport } from './usage.schema.js';

export interface UsageReportRequest extends Period {
  /** Small-cell suppression: fewer than 5 distinct users shown as "<5". */
  suppress: boolean;
  lang: UsageLang;
}

/**
 * The AI usage report over a period, from the stored roll-ups. 'usage.read': usage is organisation-
 * level data (department and office are the names the logs and the directory give, not the
 * organisation's office records), so it is not narrowed to a caller's offices; roles that see it
 * are organisation-wide (admin, governance officer, auditor).
 */
export class UsageReportService {
  private readonly repo = new UsageReportRepository();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly apps: UsageAppService,
  ) {}

  async report(ctx: RequestContext, request: UsageReportRequest): Promise<UsageReport> {
    requirePermission(ctx.actor, 'usage.read');
    const { apps } = await this.apps.organisation();
    const data = await this.read({ from: request.from, to: request.to }, apps);
    return buildUsageReport(data, apps, { suppress: request.suppress, lang: request.lang });
  }

  /** The report as a workbook (Summary, Apps, Departments, New apps, Weekly). */
  async reportXlsx(
    ctx: RequestContext,
    request: UsageReportRequest,
  ): Promise<{ filename: string; content: Buffer }> {
    const report = await this.report(ctx, request);
    return {
      filename: `custos-ai-usage-${request.from}-to-${request.to}.xlsx`,
      content: await usageReportXlsx(report),
    };
  }

  private async read(period: Period, apps: Parameters<typeof appGroups>[0]): Promise<ReportData> {
    const db = this.deps.db.kysely;
    const appTotals = await this.repo.appTotals(db, period);
    const groups = appGroups(
      apps,
      appTotals.map((total) => total.app_id),
    );
    const unapproved = new Set(groups.unapproved);
    const highRisk = new Set(groups.highRisk);
    const all = new UserTally<string>();
    const byApp = new UserTally<string>();
    const byUnit = new UserTally<string>();
    const byWeek = new UserTally<string>();
    await this.repo.eachPresence(db, period, (row) => {
      all.add('all', row.users);
      byApp.add(row.app_id, row.users);
      byUnit.add(`${row.department}\u0000${row.office}`, row.users);
      byWeek.add(weekOf(row.day), row.users);
      if (unapproved.has(row.app_id)) all.add('unapproved', row.users);
      if (highRisk.has(row.app_id)) all.add('high_risk', row.users);
    });
    return {
      period,
      dayTotals: await this.repo.dayTotals(db, period),
      appTotals,
      unitAppTotals: await this.repo.unitAppTotals(db, period),
      dayAppTotals: await this.repo.dayAppTotals(db, period),
      users: {
        total: all.count('all'),
        byApp: byApp.counts(),
        byUnit: [...byUnit.counts()].map(([key, users]) => {
          const [department, office] = key.split('\u0000') as [string, string];
          return { department: unitName(department), office: unitName(office), users };
        }),
        unapproved: all.count('unapproved'),
        highRisk: all.count('high_risk'),
        byWeek: byWeek.counts(),
      },
      firstSeen: await this.repo.firstSeen(db),
    };
  }
}

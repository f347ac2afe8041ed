import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { UsageAlertSettingsTable } from '../../db/schema/ai.js';
import { updateVersioned } from '../../db/versioned.js';
import type { AssigneeDirectory, UnitAppStat } from './usage-alerts.js';
import type { Period } from './usage-report.repository.js';
import { UsageReportRepository } from './usage-report.repository.js';
import { UserTally } from './user-sets.js';
import { unitName } from './usage.repository.js';

/*
 * SQL for the AI usage alerts: their settings row, the per app × department sums over a period, and
 * the organisation's offices, departments, focal points and governance officers (read-only, to
 * assign the alerts' actions). Queries only; the rules are in usage-alerts.ts.
 */

type Executor = Kysely<Database>;
export type AlertSettingsRow = Selectable<UsageAlertSettingsTable>;
export const ALERT_SETTINGS_ID = 'usage_alerts';

const unitKey = (row: { app_id: string; department: string; office: string }) =>
  `${row.app_id}\u0000${row.department}\u0000${row.office}`;

export class UsageAlertRepository {
  private readonly presence = new UsageReportRepository();

  async settings(db: Executor): Promise<AlertSettingsRow | undefined> {
    return db
      .selectFrom('usage_alert_settings')
      .selectAll()
      .where('id', '=', ALERT_SETTINGS_ID)
      .executeTakeFirst();
  }

  async insertSettings(db: Executor, row: AlertSettingsRow): Promise<void> {
    await db.insertInto('usage_alert_settings').values(row).execute();
  }

  /** Returns false when the version did not match (nothing changed). */
  async updateSettings(
    db: Executor,
    version: number,
    changes: Omit<AlertSettingsRow, 'id' | 'version'>,
  ): Promise<boolean> {
    return updateVersioned(db, 'usage_alert_settings', ALERT_SETTINGS_ID, version, changes);
  }

  /** The last day any stored log covers, or null when nothing is stored. */
  async lastStoredDay(db: Executor): Promise<string | null> {
    const row = await db
      .selectFrom('usage_daily_totals')
      .select((eb) => eb.fn.max('day').as('day'))
      .executeTakeFirst();
    return row?.day ?? null;
  }

  /** Per app × department × office used in the period: distinct users, bytes up, first day ever seen. */
  async unitAppStats(db: Executor, period: Period): Promise<UnitAppStat[]> {
    const firstSeen = await db
      .selectFrom('usage_first_seen')
      .select(['app_id', 'department', 'office', 'first_day'])
      .execute();
    const firstByKey = new Map(firstSeen.map((row) => [unitKey(row), row.first_day]));
    // The byte sums and the distinct users of each app × department × office, a week of rows at a time.
    const stats = new Map<string, UnitAppStat>();
    const users = new UserTally<string>();
    await this.presence.eachPresence(db, period, (row) => {
      const key = unitKey(row);
      const stat = stats.get(key);
      if (stat) stat.bytes_up += row.bytes_up;
      else
        stats.set(key, {
          app_id: row.app_id,
          department: unitName(row.department),
          office: unitName(row.office),
          users: 0,
          bytes_up: row.bytes_up,
          first_seen: firstByKey.get(key) ?? period.from,
        });
      users.add(key, row.users);
    });
    return [...stats].map(([key, stat]) => ({ ...stat, users: users.count(key) }));
  }

  /** Offices, departments, focal points (by name) and governance officers' people (by e-mail). */
  async assigneeDirectory(db: Executor): Promise<AssigneeDirectory> {
    const offices = await db.selectFrom('offices').select(['id', 'name', 'code']).orderBy('name').execute();
    const departments = await db
      .selectFrom('departments')
      .select(['id', 'office_id', 'name', 'code'])
      .orderBy('name')
      .execute();
    const focalPoints = await db
      .selectFrom('people')
      .select(['id', 'office_id', 'department_id'])
      .where('active', '=', 1)
      .where('governance_roles', 'like', '%"focal_point"%')
      .orderBy('full_name')
      .orderBy('id')
      .execute();
    const officers = await db
      .selectFrom('users')
      .innerJoin('people', 'people.id', 'users.person_id')
      .select('people.id')
      .where('users.role', '=', 'governance_officer')
      .where('users.disabled', '=', 0)
      .where('people.active', '=', 1)
      .orderBy('users.email')
      .execute();
    return { offices, departments, focalPoints, governanceOfficers: officers.map((row) => row.id) };
  }
}

import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { dayToIsoDate } from './log-time.js';
import { dayNumber } from './usage-report.js';
import { unpackUserSet } from './user-sets.js';
import { unitName } from './usage.repository.js';

/*
 * The stored roll-ups summed over a period, for the usage report. Distinct users are always counted
 * from the roll-ups' user sets over the whole period asked (merged in memory), never summed from
 * daily counts. Queries only: statuses and risk are applied by the report builder.
 */

type Executor = Kysely<Database>;

export interface Period {
  from: string;
  to: string;
}

export interface DayTotal {
  day: string;
  events: number;
  ai_events: number;
}

export interface AppTotal {
  app_id: string;
  events: number;
  blocked_events: number;
  bytes_up: number;
  bytes_down: number;
}

export interface UnitAppTotal {
  department: string | null;
  office: string | null;
  app_id: string;
  events: number;
}

export interface DayAppTotal {
  day: string;
  app_id: string;
  events: number;
}

export interface UnitUsers {
  department: string | null;
  office: string | null;
  users: number;
}

/** The users of one stored roll-up; department and office as stored ('' when unknown). */
export interface Presence {
  day: string;
  app_id: string;
  department: string;
  office: string;
  bytes_up: number;
  users: Uint32Array;
}

/** Days of roll-ups read at once. */
const PRESENCE_DAYS = 7;

const sum = (column: string) => sql<number>`cast(coalesce(sum(${sql.ref(column)}), 0) as bigint)`;

export class UsageReportRepository {
  async dayTotals(db: Executor, period: Period): Promise<DayTotal[]> {
    return db
      .selectFrom('usage_daily_totals')
      .select(['day', 'events', 'ai_events'])
      .where('day', '>=', period.from)
      .where('day', '<=', period.to)
      .orderBy('day')
      .execute();
  }

  async appTotals(db: Executor, period: Period): Promise<AppTotal[]> {
    return db
      .selectFrom('usage_daily')
      .select([
        'app_id',
        sum('events').as('events'),
        sum('blocked_events').as('blocked_events'),
        sum('bytes_up').as('bytes_up'),
        sum('bytes_down').as('bytes_down'),
      ])
      .where('day', '>=', period.from)
      .where('day', '<=', period.to)
      .groupBy('app_id')
      .execute();
  }

  async unitAppTotals(db: Executor, period: Period): Promise<UnitAppTotal[]> {
    const rows = await db
      .selectFrom('usage_daily')
      .select(['department', 'office', 'app_id', sum('events').as('events')])
      .where('day', '>=', period.from)
      .where('day', '<=', period.to)
      .groupBy(['department', 'office', 'app_id'])
      .execute();
    return rows.map((row) => ({
      ...row,
      department: unitName(row.department),
      office: unitName(row.office),
    }));
  }

  async dayAppTotals(db: Executor, period: Period): Promise<DayAppTotal[]> {
    return db
      .selectFrom('usage_daily')
      .select(['day', 'app_id', sum('events').as('events')])
      .where('day', '>=', period.from)
      .where('day', '<=', period.to)
      .groupBy(['day', 'app_id'])
      .execute();
  }

  /**
   * Each roll-up of the period with its users (and bytes up), read a week at a time so that memory
   * holds one week's rows, not the period's; distinct users are counted as they come (user-sets.ts).
   */
  async eachPresence(db: Executor, period: Period, visit: (row: Presence) => void): Promise<void> {
    const last = dayNumber(period.to);
    for (let day = dayNumber(period.from); day <= last; day += PRESENCE_DAYS) {
      const rows = await db
        .selectFrom('usage_daily')
        .select(['day', 'app_id', 'department', 'office', 'bytes_up', 'user_ids'])
        .where('day', '>=', dayToIsoDate(day))
        .where('day', '<=', dayToIsoDate(Math.min(last, day + PRESENCE_DAYS - 1)))
        .execute();
      for (const row of rows)
        visit({
          day: row.day,
          app_id: row.app_id,
          department: row.department,
          office: row.office,
          bytes_up: Number(row.bytes_up),
          users: unpackUserSet(row.user_ids),
        });
    }
  }

  /** The first day each app was seen anywhere, over everything stored (not only the period). */
  async firstSeen(db: Executor): Promise<Map<string, string>> {
    const rows = await db
      .selectFrom('usage_first_seen')
      .select(['app_id', (eb) => eb.fn.min('first_day').as('first_day')])
      .groupBy('app_id')
      .execute();
    return new Map(rows.map((row) => [row.app_id, row.first_day]));
  }
}

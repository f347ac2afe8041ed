import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { unitName } from './usage.repository.js';

/*
 * The stored roll-ups summed over a period, for the usage report. Distinct users are always counted
 * from the presence rows (usage_user_days) over the whole period asked, never summed from daily
 * counts. Queries only: statuses and risk are applied by the report builder.
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

const sum = (column: string) => sql<number>`cast(coalesce(sum(${sql.ref(column)}), 0) as bigint)`;
const distinctUsers = sql<number>`count(distinct user_hash)`;

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

  /** Distinct users of AI apps in the period; only of the given apps when `apps` is set. */
  async users(db: Executor, period: Period, apps?: readonly string[]): Promise<number> {
    if (apps !== undefined && apps.length === 0) return 0;
    let query = db
      .selectFrom('usage_user_days')
      .select(distinctUsers.as('users'))
      .where('day', '>=', period.from)
      .where('day', '<=', period.to);
    if (apps !== undefined) query = query.where('app_id', 'in', apps);
    return Number((await query.executeTakeFirstOrThrow()).users);
  }

  async usersByApp(db: Executor, period: Period): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('usage_user_days')
      .select(['app_id', distinctUsers.as('users')])
      .where('day', '>=', period.from)
      .where('day', '<=', period.to)
      .groupBy('app_id')
      .execute();
    return new Map(rows.map((row) => [row.app_id, Number(row.users)]));
  }

  async usersByUnit(db: Executor, period: Period): Promise<UnitUsers[]> {
    const rows = await db
      .selectFrom('usage_user_days')
      .select(['department', 'office', distinctUsers.as('users')])
      .where('day', '>=', period.from)
      .where('day', '<=', period.to)
      .groupBy(['department', 'office'])
      .execute();
    return rows.map((row) => ({
      department: unitName(row.department),
      office: unitName(row.office),
      users: Number(row.users),
    }));
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

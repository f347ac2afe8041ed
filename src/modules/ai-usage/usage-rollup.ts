import { ByteMap, fnv1a, MISSING } from './byte-map.js';
import type { Catalogue } from './catalogue.js';
import type { Directory } from './directory.js';
import { NO_APP } from './domain-matcher.js';
import type { ByteField, RawEvent } from './log-event.js';
import { dayToIsoDate } from './log-time.js';
import { normaliseUserId, type Pseudonymiser } from './pseudonymise.js';
import type { UsageRollupRows } from './usage-rows.js';

/*
 * The roll-up engine: events in, daily roll-ups out, all in memory and bounded by distinct keys,
 * not by the number of lines. Non-AI lines cost a host lookup and two counters. AI events are
 * added to a bucket per day × app × (department, office) that holds counts, byte sums and the
 * exact set of distinct users (as small numbers; pseudonyms are computed once per distinct user).
 *
 * Memory: one entry per distinct (day, app, department, office, user) among AI events, plus one
 * per distinct user and per cached host. 5,000 users on 10 apps for 30 days is at most 1.5 million
 * set entries (about 40 MB); the host cache is emptied when it reaches `hostCacheLimit` entries.
 */

const APP_LIMIT = 4096;
const UNIT_LIMIT = 1 << 24;
const UNKNOWN = 0;

interface Bucket {
  day: number;
  app: number;
  unit: number;
  events: number;
  blocked: number;
  bytesUp: number;
  bytesDown: number;
  users: Set<number>;
}

interface DayCount {
  events: number;
  aiEvents: number;
}

export interface RollupOptions {
  catalogue: Catalogue;
  pseudonymiser: Pseudonymiser;
  directory?: Directory;
  /** Distinct raw host strings remembered before the host cache starts over (default 1,048,576). */
  hostCacheLimit?: number;
}

export class UsageRollup {
  private readonly catalogue: Catalogue;
  private readonly pseudonymiser: Pseudonymiser;
  private readonly directory: Directory | undefined;
  private readonly hostCacheLimit: number;

  /** Raw host bytes → app index or NO_APP. */
  private readonly hosts = new ByteMap(8192);
  /** Raw user bytes → user number, or -1 for "no user" (`-`, blank after normalising). */
  private readonly rawUsers = new ByteMap(2048);
  private readonly userNumbers = new Map<string, number>();
  private readonly pseudonyms: string[] = [];
  private readonly userDepartment: number[] = [];
  private readonly userOffice: number[] = [];

  private readonly departments = new NameTable();
  private readonly offices = new NameTable();
  private readonly units = new Map<number, number>();
  private readonly unitDepartment: number[] = [];
  private readonly unitOffice: number[] = [];

  private readonly buckets = new Map<number, Map<number, Bucket>>();
  private bucketCount = 0;
  private readonly days = new Map<number, DayCount>();
  private currentDay = -1;
  private today: DayCount = { events: 0, aiEvents: 0 };
  private readonly appFirstSeen = new Map<number, number>();
  /** Keyed by app × UNIT_LIMIT + department. */
  private readonly departmentFirstSeen = new Map<number, number>();
  private readonly aiUsers = new Set<number>();

  constructor(options: RollupOptions) {
    this.catalogue = options.catalogue;
    if (this.catalogue.apps.length > APP_LIMIT) throw new Error(`At most ${APP_LIMIT} apps are supported`);
    this.pseudonymiser = options.pseudonymiser;
    this.directory = options.directory;
    this.hostCacheLimit = options.hostCacheLimit ?? 1 << 20;
  }

  /** Count one event. The hot path: no allocation unless a host, user or key is new. */
  record(event: RawEvent): void {
    const day = event.day;
    if (day !== this.currentDay) this.switchDay(day);
    this.today.events += 1;
    const host = event.host;
    if (host.end <= host.start) return;
    const hash = host.hash !== 0 ? host.hash : fnv1a(host.buf, host.start, host.end);
    let app = this.hosts.get(host.buf, host.start, host.end, hash);
    if (app === MISSING) {
      if (this.hosts.size >= this.hostCacheLimit) {
        this.hosts.clear();
        this.hosts.get(host.buf, host.start, host.end, hash);
      }
      app = this.catalogue.matcher.match(host.text());
      this.hosts.set(host.buf, host.start, host.end, app);
    }
    if (app === NO_APP) return;
    this.today.aiEvents += 1;
    this.recordAiEvent(event, day, app);
  }

  private recordAiEvent(event: RawEvent, day: number, app: number): void {
    const user = event.user.isEmpty ? -1 : this.userNumber(event.user);
    let department = user >= 0 ? this.userDepartment[user]! : UNKNOWN;
    let office = user >= 0 ? this.userOffice[user]! : UNKNOWN;
    if (department === UNKNOWN && !event.department.isEmpty)
      department = this.departments.idOf(event.department.text());
    if (office === UNKNOWN && !event.office.isEmpty) office = this.offices.idOf(event.office.text());
    const unit = this.unitOf(department, office);
    // Two small-integer keys instead of one large one: V8 hashes small integers fastest.
    const dayApp = day * APP_LIMIT + app;
    let byUnit = this.buckets.get(dayApp);
    if (!byUnit) {
      byUnit = new Map();
      this.buckets.set(dayApp, byUnit);
    }
    let bucket = byUnit.get(unit);
    if (!bucket) {
      bucket = { day, app, unit, events: 0, blocked: 0, bytesUp: 0, bytesDown: 0, users: new Set() };
      byUnit.set(unit, bucket);
      this.bucketCount += 1;
    }
    bucket.events += 1;
    if (event.blocked) bucket.blocked += 1;
    bucket.bytesUp += event.bytesUp;
    bucket.bytesDown += event.bytesDown;
    if (user >= 0) {
      bucket.users.add(user);
      this.aiUsers.add(user);
    }
    const first = this.appFirstSeen.get(app);
    if (first === undefined || day < first) this.appFirstSeen.set(app, day);
    if (department !== UNKNOWN) {
      const appDepartment = app * UNIT_LIMIT + department;
      const firstInDepartment = this.departmentFirstSeen.get(appDepartment);
      if (firstInDepartment === undefined || day < firstInDepartment)
        this.departmentFirstSeen.set(appDepartment, day);
    }
  }

  /** The user's number: raw bytes → normalised id → number, pseudonym and directory entry once. */
  private userNumber(field: ByteField): number {
    const hash = fnv1a(field.buf, field.start, field.end);
    let user = this.rawUsers.get(field.buf, field.start, field.end, hash);
    if (user === MISSING) {
      user = this.numberOfUser(field.text());
      this.rawUsers.set(field.buf, field.start, field.end, user);
    }
    return user;
  }

  private numberOfUser(raw: string): number {
    const id = normaliseUserId(raw);
    if (id === null) return -1;
    const known = this.userNumbers.get(id);
    if (known !== undefined) return known;
    const number = this.pseudonyms.length;
    this.userNumbers.set(id, number);
    this.pseudonyms.push(this.pseudonymiser.pseudonym(id));
    const entry = this.directory?.get(id);
    this.userDepartment.push(this.departments.idOf(entry?.department ?? null));
    this.userOffice.push(this.offices.idOf(entry?.office ?? null));
    return number;
  }

  private unitOf(department: number, office: number): number {
    const pair = department * UNIT_LIMIT + office;
    let unit = this.units.get(pair);
    if (unit === undefined) {
      unit = this.unitDepartment.length;
      if (unit >= UNIT_LIMIT) throw new Error('Too many distinct department and office pairs');
      this.units.set(pair, unit);
      this.unitDepartment.push(department);
      this.unitOffice.push(office);
    }
    return unit;
  }

  private switchDay(day: number): void {
    let count = this.days.get(day);
    if (!count) {
      count = { events: 0, aiEvents: 0 };
      this.days.set(day, count);
    }
    this.today = count;
    this.currentDay = day;
  }

  private *allBuckets(): Generator<Bucket> {
    for (const byUnit of this.buckets.values()) yield* byUnit.values();
  }

  /** What the engine holds, for the memory bound the benchmark and the CLI report. */
  stats(): { distinct_users: number; cached_hosts: number; buckets: number; user_day_entries: number } {
    let entries = 0;
    for (const bucket of this.allBuckets()) entries += bucket.users.size;
    return {
      distinct_users: this.pseudonyms.length,
      cached_hosts: this.hosts.size,
      buckets: this.bucketCount,
      user_day_entries: entries,
    };
  }

  /** The roll-ups as plain rows, sorted, ready to be written to tables. */
  rows(): UsageRollupRows {
    const apps = this.catalogue.apps;
    const dayKeys = [...this.days.keys()].sort((a, b) => a - b);
    const buckets = [...this.allBuckets()].map((bucket) => ({
      bucket,
      date: dayToIsoDate(bucket.day),
      app_id: apps[bucket.app]!.id,
      department: this.departments.name(this.unitDepartment[bucket.unit]!),
      office: this.offices.name(this.unitOffice[bucket.unit]!),
    }));
    buckets.sort(
      (a, b) =>
        compare(a.date, b.date) ||
        compare(a.app_id, b.app_id) ||
        compare(a.department ?? '', b.department ?? '') ||
        compare(a.office ?? '', b.office ?? ''),
    );
    let events = 0;
    let aiEvents = 0;
    for (const count of this.days.values()) {
      events += count.events;
      aiEvents += count.aiEvents;
    }
    return {
      period: {
        from: dayKeys.length > 0 ? dayToIsoDate(dayKeys[0]!) : null,
        to: dayKeys.length > 0 ? dayToIsoDate(dayKeys[dayKeys.length - 1]!) : null,
      },
      totals: { events, ai_events: aiEvents, ai_users: this.aiUsers.size },
      daily_totals: dayKeys.map((day) => ({
        date: dayToIsoDate(day),
        events: this.days.get(day)!.events,
        ai_events: this.days.get(day)!.aiEvents,
      })),
      app_days: buckets.map(({ bucket, date, app_id, department, office }) => ({
        date,
        app_id,
        department,
        office,
        events: bucket.events,
        blocked_events: bucket.blocked,
        users: bucket.users.size,
        bytes_up: bucket.bytesUp,
        bytes_down: bucket.bytesDown,
      })),
      app_user_days: buckets.flatMap(({ bucket, date, app_id, department, office }) =>
        [...bucket.users]
          .map((user) => this.pseudonyms[user]!)
          .sort()
          .map((user) => ({ date, app_id, department, office, user })),
      ),
      first_seen_apps: [...this.appFirstSeen]
        .map(([app, day]) => ({ app_id: apps[app]!.id, first_seen: dayToIsoDate(day) }))
        .sort((a, b) => compare(a.app_id, b.app_id)),
      first_seen_departments: [...this.departmentFirstSeen]
        .map(([key, day]) => ({
          app_id: apps[Math.floor(key / UNIT_LIMIT)]!.id,
          department: this.departments.name(key % UNIT_LIMIT)!,
          first_seen: dayToIsoDate(day),
        }))
        .sort((a, b) => compare(a.app_id, b.app_id) || compare(a.department, b.department)),
    };
  }
}

/** Department or office names numbered from 1; 0 is "unknown". */
class NameTable {
  private readonly ids = new Map<string, number>();
  private readonly names: (string | null)[] = [null];

  idOf(name: string | null): number {
    if (name === null) return UNKNOWN;
    const text = name.trim();
    if (text === '' || text === '-') return UNKNOWN;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.names.length;
      if (id >= UNIT_LIMIT) throw new Error('Too many distinct departments or offices');
      this.ids.set(text, id);
      this.names.push(text);
    }
    return id;
  }

  name(id: number): string | null {
    return this.names[id] ?? null;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

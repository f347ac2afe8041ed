import { ByteMap, fnv1a, MISSING } from './byte-map.js';
import { PairSet } from './pair-set.js';
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
 * added to a bucket per day × app × (department, office) that holds counts and byte sums; the
 * exact distinct users of each bucket are kept as (bucket, user) pairs in one PairSet, with users
 * as small numbers (pseudonyms are computed once per distinct user).
 *
 * Memory: 8 to 22 bytes (8 per pair in a table 3/8 to 3/4 full) per distinct (day, app,
 * department, office, user) among AI events, about 100 bytes per bucket and per distinct user, and the host cache: 64-byte
 * slots at most 3/4 full, emptied when it holds `hostCacheLimit` hosts (by default 262,144, which
 * bounds it at 32 MiB). 10,000 users on 20 apps for 30 days is at most 6 million pairs (under
 * 140 MB); real use is far sparser (the benchmark's 2,000,000 lines hold about 95,000 pairs).
 */

const APP_LIMIT = 4096;
const UNIT_LIMIT = 1 << 24;
const UNKNOWN = 0;

interface Bucket {
  index: number;
  day: number;
  app: number;
  unit: number;
  events: number;
  blocked: number;
  bytesUp: number;
  bytesDown: number;
  users: number;
}

interface DayCount {
  events: number;
  aiEvents: number;
}

export interface RollupOptions {
  catalogue: Catalogue;
  pseudonymiser: Pseudonymiser;
  directory?: Directory;
  /** Distinct raw host strings remembered before the host cache starts over (default 262,144, at most 32 MiB). */
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
  /** Per user: the unit (department, office) the directory gives, or the unknown unit. */
  private readonly userUnit: number[] = [];
  private readonly userDepartment: number[] = [];
  private readonly userOffice: number[] = [];
  private aiUser = new Uint8Array(1024);
  private aiUserCount = 0;

  private readonly departments = new NameTable();
  private readonly offices = new NameTable();
  /** department × UNIT_LIMIT + office → unit, for units met through log fields. */
  private readonly units = new Map<number, number>();
  private readonly unitDepartment: number[] = [];
  private readonly unitOffice: number[] = [];

  /** day × APP_LIMIT + app → unit → bucket: small-integer keys, which V8 hashes fastest. */
  private readonly bucketIndex = new Map<number, Map<number, Bucket>>();
  private readonly buckets: Bucket[] = [];
  private readonly bucketUsers = new PairSet(4096);
  private readonly days = new Map<number, DayCount>();
  private currentDay = -1;
  private today: DayCount = { events: 0, aiEvents: 0 };
  /** Per app: first day seen (-1: never), and department → first day. */
  private readonly appFirstSeen: Int32Array;
  private readonly departmentFirstSeen: (Map<number, number> | undefined)[];

  constructor(options: RollupOptions) {
    this.catalogue = options.catalogue;
    if (this.catalogue.apps.length > APP_LIMIT) throw new Error(`At most ${APP_LIMIT} apps are supported`);
    this.pseudonymiser = options.pseudonymiser;
    this.directory = options.directory;
    this.hostCacheLimit = options.hostCacheLimit ?? 1 << 18;
    this.appFirstSeen = new Int32Array(this.catalogue.apps.length).fill(-1);
    this.departmentFirstSeen = new Array<Map<number, number> | undefined>(this.catalogue.apps.length);
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
    const unit =
      event.department.isEmpty && event.office.isEmpty
        ? user >= 0
          ? this.userUnit[user]!
          : this.unitOf(UNKNOWN, UNKNOWN)
        : this.unitFromLog(event, user);
    const bucket = this.bucketOf(day, app, unit);
    bucket.events += 1;
    if (event.blocked) bucket.blocked += 1;
    bucket.bytesUp += event.bytesUp;
    bucket.bytesDown += event.bytesDown;
    if (user >= 0) {
      if (this.bucketUsers.add(bucket.index, user)) bucket.users += 1;
      if (this.aiUser[user] === 0) {
        this.aiUser[user] = 1;
        this.aiUserCount += 1;
      }
    }
    const first = this.appFirstSeen[app]!;
    if (first === -1 || day < first) this.appFirstSeen[app] = day;
    const department = this.unitDepartment[unit]!;
    if (department !== UNKNOWN) {
      let byDepartment = this.departmentFirstSeen[app];
      if (!byDepartment) {
        byDepartment = new Map();
        this.departmentFirstSeen[app] = byDepartment;
      }
      const firstInDepartment = byDepartment.get(department);
      if (firstInDepartment === undefined || day < firstInDepartment) byDepartment.set(department, day);
    }
  }

  /** The directory's department and office win; the log's fill what the directory leaves empty. */
  private unitFromLog(event: RawEvent, user: number): number {
    let department = user >= 0 ? this.userDepartment[user]! : UNKNOWN;
    let office = user >= 0 ? this.userOffice[user]! : UNKNOWN;
    if (department === UNKNOWN && !event.department.isEmpty)
      department = this.departments.idOf(event.department.text());
    if (office === UNKNOWN && !event.office.isEmpty) office = this.offices.idOf(event.office.text());
    return this.unitOf(department, office);
  }

  private bucketOf(day: number, app: number, unit: number): Bucket {
    const dayApp = day * APP_LIMIT + app;
    let byUnit = this.bucketIndex.get(dayApp);
    if (!byUnit) {
      byUnit = new Map();
      this.bucketIndex.set(dayApp, byUnit);
    }
    let bucket = byUnit.get(unit);
    if (!bucket) {
      const index = this.buckets.length;
      bucket = { index, day, app, unit, events: 0, blocked: 0, bytesUp: 0, bytesDown: 0, users: 0 };
      byUnit.set(unit, bucket);
      this.buckets.push(bucket);
    }
    return bucket;
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
    const department = this.departments.idOf(entry?.department ?? null);
    const office = this.offices.idOf(entry?.office ?? null);
    this.userDepartment.push(department);
    this.userOffice.push(office);
    this.userUnit.push(this.unitOf(department, office));
    if (number === this.aiUser.length) {
      const bigger = new Uint8Array(this.aiUser.length * 2);
      bigger.set(this.aiUser);
      this.aiUser = bigger;
    }
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

  /** What the engine holds, for the memory bound the benchmark and the CLI report. */
  stats(): { distinct_users: number; cached_hosts: number; buckets: number; user_day_entries: number } {
    return {
      distinct_users: this.pseudonyms.length,
      cached_hosts: this.hosts.size,
      buckets: this.buckets.length,
      user_day_entries: this.bucketUsers.size,
    };
  }

  /** The roll-ups as plain rows, sorted, ready to be written to tables. */
  rows(): UsageRollupRows {
    const apps = this.catalogue.apps;
    const dates = new Map<number, string>();
    const date = (day: number) => {
      let text = dates.get(day);
      if (text === undefined) {
        text = dayToIsoDate(day);
        dates.set(day, text);
      }
      return text;
    };
    // Sort on ranks (integers) rather than on the names themselves.
    const appRank = rankOf(apps.map((app) => app.id));
    const departmentRank = this.departments.ranks();
    const officeRank = this.offices.ranks();
    const keyed = [...this.buckets]
      .sort(
        (a, b) =>
          a.day - b.day ||
          appRank[a.app]! - appRank[b.app]! ||
          departmentRank[this.unitDepartment[a.unit]!]! - departmentRank[this.unitDepartment[b.unit]!]! ||
          officeRank[this.unitOffice[a.unit]!]! - officeRank[this.unitOffice[b.unit]!]!,
      )
      .map((bucket) => ({
        bucket,
        date: date(bucket.day),
        app_id: apps[bucket.app]!.id,
        department: this.departments.name(this.unitDepartment[bucket.unit]!),
        office: this.offices.name(this.unitOffice[bucket.unit]!),
      }));
    // The AI users numbered in pseudonym order, so that each bucket's numbers sort like its pseudonyms.
    const aiUsers: number[] = [];
    for (let user = 0; user < this.pseudonyms.length; user += 1)
      if (this.aiUser[user] === 1) aiUsers.push(user);
    aiUsers.sort((a, b) => compare(this.pseudonyms[a]!, this.pseudonyms[b]!));
    const place = new Uint32Array(this.pseudonyms.length);
    const pseudonyms = aiUsers.map((user, at) => {
      place[user] = at;
      return this.pseudonyms[user]!;
    });
    // The users of each bucket, side by side in one array: bucket i owns [offsets[i], offsets[i + 1]).
    const offsets = new Int32Array(this.buckets.length + 1);
    for (const bucket of this.buckets) offsets[bucket.index + 1] = bucket.users;
    for (let i = 0; i < this.buckets.length; i += 1) offsets[i + 1] = offsets[i + 1]! + offsets[i]!;
    const next = offsets.slice(0, this.buckets.length);
    const usersByBucket = new Uint32Array(this.bucketUsers.size);
    this.bucketUsers.forEach((bucket, user) => {
      usersByBucket[next[bucket]!++] = place[user]!;
    });
    const appDays: UsageRollupRows['app_days'] = [];
    // Buckets come day by day: an app and unit's first bucket is its first day.
    const firstSeenUnits: UsageRollupRows['first_seen_units'] = [];
    const unitSeen = new Set<number>();
    for (const { bucket, date: day, app_id, department, office } of keyed) {
      const appUnit = bucket.app * UNIT_LIMIT + bucket.unit;
      if (!unitSeen.has(appUnit)) {
        unitSeen.add(appUnit);
        firstSeenUnits.push({ app_id, department, office, first_seen: day });
      }
      const users = usersByBucket.subarray(offsets[bucket.index]!, offsets[bucket.index + 1]!);
      if (users.length > 1) users.sort();
      appDays.push({
        date: day,
        app_id,
        department,
        office,
        events: bucket.events,
        blocked_events: bucket.blocked,
        users: bucket.users,
        bytes_up: bucket.bytesUp,
        bytes_down: bucket.bytesDown,
        user_numbers: users,
      });
    }
    const dayKeys = [...this.days.keys()].sort((a, b) => a - b);
    let events = 0;
    let aiEvents = 0;
    for (const count of this.days.values()) {
      events += count.events;
      aiEvents += count.aiEvents;
    }
    const firstSeenDepartments: UsageRollupRows['first_seen_departments'] = [];
    this.departmentFirstSeen.forEach((byDepartment, app) => {
      for (const [department, day] of byDepartment ?? [])
        firstSeenDepartments.push({
          app_id: apps[app]!.id,
          department: this.departments.name(department)!,
          first_seen: date(day),
        });
    });
    return {
      period: {
        from: dayKeys.length > 0 ? date(dayKeys[0]!) : null,
        to: dayKeys.length > 0 ? date(dayKeys[dayKeys.length - 1]!) : null,
      },
      totals: { events, ai_events: aiEvents, ai_users: this.aiUserCount },
      daily_totals: dayKeys.map((day) => ({
        date: date(day),
        events: this.days.get(day)!.events,
        ai_events: this.days.get(day)!.aiEvents,
      })),
      app_days: appDays,
      pseudonyms,
      user_days: usersByBucket.length,
      first_seen_apps: [...this.appFirstSeen]
        .flatMap((day, app) => (day === -1 ? [] : [{ app_id: apps[app]!.id, first_seen: date(day) }]))
        .sort((a, b) => compare(a.app_id, b.app_id)),
      first_seen_departments: firstSeenDepartments.sort(
        (a, b) => compare(a.app_id, b.app_id) || compare(a.department, b.department),
      ),
      first_seen_units: firstSeenUnits,
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

  /** For each id, its place in name order (unknown first). */
  ranks(): number[] {
    return rankOf(this.names.map((name) => name ?? ''));
  }
}

/** rank[i] = the position of names[i] when the names are sorted. */
function rankOf(names: readonly string[]): number[] {
  const order = names.map((_, i) => i).sort((a, b) => compare(names[a]!, names[b]!));
  const rank = new Array<number>(names.length);
  order.forEach((index, position) => (rank[index] = position));
  return rank;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

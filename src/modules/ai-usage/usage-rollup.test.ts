import { describe, expect, it } from 'vitest';
import type { Directory } from './directory.js';
import { RawEvent } from './log-event.js';
import { dayToIsoDate } from './log-time.js';
import { Pseudonymiser } from './pseudonymise.js';
import { dayOf, NOV_30, TEST_KEY, testRollup } from './testing/fixtures.js';
import type { UsageRollup } from './usage-rollup.js';
import { appUserDays } from './usage-rows.js';

const DAY1 = dayOf(NOV_30);
const pseudonym = (user: string) => new Pseudonymiser(TEST_KEY).pseudonym(user);

interface Line {
  day?: number;
  host?: string;
  user?: string;
  department?: string;
  office?: string;
  up?: number;
  down?: number;
  blocked?: boolean;
}

function feed(rollup: UsageRollup, lines: Line[]): void {
  const event = new RawEvent();
  for (const line of lines) {
    // Each line in its own buffer, as the parsers hand them over.
    event.reset();
    event.day = line.day ?? DAY1;
    if (line.host !== undefined) event.setText(event.host, line.host);
    if (line.user !== undefined) event.setText(event.user, line.user);
    if (line.department !== undefined) event.setText(event.department, line.department);
    if (line.office !== undefined) event.setText(event.office, line.office);
    event.bytesUp = line.up ?? 0;
    event.bytesDown = line.down ?? 0;
    event.blocked = line.blocked ?? false;
    rollup.record(event);
  }
}

describe('rolling up usage events', () => {
  it('counts events, AI events and distinct AI users in the totals', () => {
    const rollup = testRollup();
    feed(rollup, [
      { host: 'chatgpt.com', user: 'jdoe' },
      { host: 'www.example.org', user: 'jdoe' },
      { host: 'api.openai.com', user: 'ana' },
      { host: 'notchatgpt.com', user: 'bob' },
      { user: 'carl' },
    ]);
    expect(rollup.rows().totals).toEqual({ events: 5, ai_events: 2, ai_users: 2 });
  });

  it('counts a user once per key however many lines, and across spellings of the same id', () => {
    const rollup = testRollup();
    feed(rollup, [
      { host: 'chatgpt.com', user: 'jdoe', up: 10, down: 100 },
      { host: 'foo.chatgpt.com', user: 'JDoe', up: 20, down: 200 },
      { host: 'chat.openai.com', user: 'CORP\\jdoe', up: 30, down: 300, blocked: true },
      { host: 'ChatGPT.com:443', user: 'ana' },
    ]);
    expect(rollup.rows().app_days).toEqual([
      {
        date: dayToIsoDate(DAY1),
        app_id: 'chatgpt',
        department: null,
        office: null,
        events: 4,
        blocked_events: 1,
        users: 2,
        bytes_up: 60,
        bytes_down: 600,
        user_numbers: new Uint32Array([0, 1]),
      },
    ]);
    expect(rollup.rows().totals.ai_users).toBe(2);
  });

  it('keeps one row per day, app, department and office', () => {
    const rollup = testRollup();
    feed(rollup, [
      { host: 'chatgpt.com', user: 'a', department: 'HR', office: 'Geneva' },
      { host: 'chatgpt.com', user: 'b', department: 'HR', office: 'Nairobi' },
      { host: 'chatgpt.com', user: 'c', department: 'Finance', office: 'Geneva' },
      { host: 'sora.chatgpt.com', user: 'a', department: 'HR', office: 'Geneva' },
      { host: 'chatgpt.com', user: 'a', department: 'HR', office: 'Geneva', day: DAY1 + 1 },
    ]);
    const keys = rollup
      .rows()
      .app_days.map((row) => [row.date.slice(5), row.app_id, row.department, row.office, row.users]);
    expect(keys).toEqual([
      ['11-30', 'chatgpt', 'Finance', 'Geneva', 1],
      ['11-30', 'chatgpt', 'HR', 'Geneva', 1],
      ['11-30', 'chatgpt', 'HR', 'Nairobi', 1],
      ['11-30', 'sora', 'HR', 'Geneva', 1],
      ['12-01', 'chatgpt', 'HR', 'Geneva', 1],
    ]);
  });

  it('records presence per pseudonym per day, never the raw user', () => {
    const rollup = testRollup();
    feed(rollup, [
      { host: 'chatgpt.com', user: 'jdoe' },
      { host: 'chatgpt.com', user: 'jdoe' },
      { host: 'chatgpt.com', user: 'jdoe', day: DAY1 + 1 },
    ]);
    const rows = rollup.rows();
    expect(rows.pseudonyms).toEqual([pseudonym('jdoe')]);
    expect(rows.user_days).toBe(2);
    expect(appUserDays(rows)).toEqual([
      {
        date: dayToIsoDate(DAY1),
        app_id: 'chatgpt',
        department: null,
        office: null,
        user: pseudonym('jdoe'),
      },
      {
        date: dayToIsoDate(DAY1 + 1),
        app_id: 'chatgpt',
        department: null,
        office: null,
        user: pseudonym('jdoe'),
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain('jdoe');
  });

  it('notes the first day each app was seen, overall and per department, whatever the order of lines', () => {
    const rollup = testRollup();
    feed(rollup, [
      { host: 'chatgpt.com', user: 'a', department: 'HR', day: DAY1 + 2 },
      { host: 'chatgpt.com', user: 'b', department: 'Finance', day: DAY1 + 1 },
      { host: 'deepl.com', user: 'a', department: 'HR', day: DAY1 + 3 },
      { host: 'chatgpt.com', user: 'c', day: DAY1 },
      { host: 'chatgpt.com', user: 'a', department: 'HR', day: DAY1 + 4 },
    ]);
    const rows = rollup.rows();
    expect(rows.first_seen_apps).toEqual([
      { app_id: 'chatgpt', first_seen: dayToIsoDate(DAY1) },
      { app_id: 'deepl', first_seen: dayToIsoDate(DAY1 + 3) },
    ]);
    expect(rows.first_seen_departments).toEqual([
      { app_id: 'chatgpt', department: 'Finance', first_seen: dayToIsoDate(DAY1 + 1) },
      { app_id: 'chatgpt', department: 'HR', first_seen: dayToIsoDate(DAY1 + 2) },
      { app_id: 'deepl', department: 'HR', first_seen: dayToIsoDate(DAY1 + 3) },
    ]);
    // Per department and office too (unknown ones included), for the alerts' "newly seen here".
    expect(rows.first_seen_units).toEqual([
      { app_id: 'chatgpt', department: null, office: null, first_seen: dayToIsoDate(DAY1) },
      { app_id: 'chatgpt', department: 'Finance', office: null, first_seen: dayToIsoDate(DAY1 + 1) },
      { app_id: 'chatgpt', department: 'HR', office: null, first_seen: dayToIsoDate(DAY1 + 2) },
      { app_id: 'deepl', department: 'HR', office: null, first_seen: dayToIsoDate(DAY1 + 3) },
    ]);
    expect(rows.period).toEqual({ from: dayToIsoDate(DAY1), to: dayToIsoDate(DAY1 + 4) });
    expect(rows.daily_totals.map((d) => d.events)).toEqual([1, 1, 1, 1, 1]);
  });

  it('takes department and office from the directory, joined on the normalised raw user', () => {
    const directory: Directory = new Map([
      ['jdoe', { department: 'Supply Chain', office: 'Nairobi' }],
      ['ana', { department: 'Finance', office: null }],
    ]);
    const rollup = testRollup(undefined, directory);
    feed(rollup, [
      { host: 'chatgpt.com', user: 'CORP\\JDOE', department: 'From the log', office: 'Log office' },
      { host: 'chatgpt.com', user: 'ana', office: 'Geneva' },
      { host: 'chatgpt.com', user: 'zoe', department: 'HR' },
      { host: 'chatgpt.com', user: 'nobody' },
    ]);
    const units = rollup.rows().app_days.map((row) => [row.department, row.office]);
    expect(units).toEqual([
      [null, null],
      ['Finance', 'Geneva'],
      ['HR', null],
      ['Supply Chain', 'Nairobi'],
    ]);
  });

  it('counts events without a user but no user for them', () => {
    const rollup = testRollup();
    feed(rollup, [{ host: 'chatgpt.com' }, { host: 'chatgpt.com', user: '-' }]);
    expect(rollup.rows().app_days[0]).toMatchObject({ events: 2, users: 0 });
    expect(rollup.rows().totals.ai_users).toBe(0);
  });

  it('gives the same answers when its host cache is emptied along the way', () => {
    const lines: Line[] = [];
    for (let i = 0; i < 300; i += 1)
      lines.push({ host: i % 3 === 0 ? 'chatgpt.com' : `site${i}.example`, user: `u${i % 7}` });
    const small = testRollup(undefined, undefined, 8);
    const large = testRollup();
    feed(small, lines);
    feed(large, lines);
    expect(small.rows()).toEqual(large.rows());
    expect(small.stats().cached_hosts).toBeLessThanOrEqual(8);
  });

  it('reports what it holds', () => {
    const rollup = testRollup();
    feed(rollup, [
      { host: 'chatgpt.com', user: 'a' },
      { host: 'deepl.com', user: 'a' },
      { host: 'deepl.com', user: 'b' },
      { host: 'example.org', user: 'c' },
    ]);
    expect(rollup.stats()).toEqual({ distinct_users: 2, cached_hosts: 3, buckets: 2, user_day_entries: 3 });
  });

  it('produces empty rows for no events', () => {
    expect(testRollup().rows()).toEqual({
      period: { from: null, to: null },
      totals: { events: 0, ai_events: 0, ai_users: 0 },
      daily_totals: [],
      app_days: [],
      pseudonyms: [],
      user_days: 0,
      first_seen_apps: [],
      first_seen_departments: [],
      first_seen_units: [],
    });
  });
});

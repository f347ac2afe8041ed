/*
 * Timestamps as logs write them, to UTC days. Roll-ups are daily, so only the UTC date matters;
 * times written without a zone (Zscaler feeds, dnsmasq, BIND) are taken as UTC. The patterns
 * are anchored and have no nested repetition, so a hostile line cannot make them backtrack.
 */

export const SECONDS_PER_DAY = 86_400;
/** Accepted range: 1990-01-01 to 2099-12-31, which catches garbage read as a number. */
export const MIN_SECONDS = 631_152_000;
export const MAX_SECONDS = 4_102_444_799;

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function dayToIsoDate(day: number): string {
  return new Date(day * SECONDS_PER_DAY * 1000).toISOString().slice(0, 10);
}

export function validSeconds(seconds: number): boolean {
  return seconds >= MIN_SECONDS && seconds <= MAX_SECONDS;
}

const EPOCH = /^([0-9]{9,13})(?:\.[0-9]{1,9})?$/;
const ISO =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]{1,9})?)?)? ?(Z|[+-][0-9]{2}:?[0-9]{2})?$/;
const CTIME = /^(?:[A-Za-z]{3},? +)?([A-Za-z]{3}) +([0-9]{1,2}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) ([0-9]{4})$/;
const APACHE =
  /^\[?([0-9]{1,2})\/([A-Za-z]{3})\/([0-9]{4}):([0-9]{2}):([0-9]{2}):([0-9]{2})(?: ([+-][0-9]{4}))?\]?$/;
const BIND = /^([0-9]{1,2})-([A-Za-z]{3})-([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]{1,9})?$/;
const SYSLOG = /^([A-Za-z]{3}) +([0-9]{1,2}) ([0-9]{2}):([0-9]{2}):([0-9]{2})$/;

/**
 * Seconds since the epoch (UTC), or NaN when the text is no timestamp this reader knows:
 * Unix seconds or milliseconds, ISO 8601 (with or without zone), ctime (`Mon Jun 20 15:29:11
 * 2022`, Zscaler's `%s{time}`), Apache (`30/Nov/2026:10:15:02 +0100`), BIND (`30-Nov-2026
 * 10:15:02.123`) and syslog (`Nov 30 10:15:02`, whose year comes from `reference`: the latest year
 * that does not put the time more than a day after the reference).
 */
export function parseLogTime(raw: string, reference?: Date): number {
  const text = raw.trim();
  let m = EPOCH.exec(text);
  if (m) {
    const value = Number(m[1]);
    return m[1]!.length >= 12 ? Math.floor(value / 1000) : value;
  }
  m = ISO.exec(text);
  if (m) return utc(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) - offsetSeconds(m[7]);
  m = CTIME.exec(text);
  if (m) return utc(+m[6]!, month(m[1]!), +m[2]!, +m[3]!, +m[4]!, +m[5]!);
  m = APACHE.exec(text);
  if (m) return utc(+m[3]!, month(m[2]!), +m[1]!, +m[4]!, +m[5]!, +m[6]!) - offsetSeconds(m[7]);
  m = BIND.exec(text);
  if (m) return utc(+m[3]!, month(m[2]!), +m[1]!, +m[4]!, +m[5]!, +m[6]!);
  m = SYSLOG.exec(text);
  if (m && reference) {
    const year = reference.getUTCFullYear();
    const seconds = utc(year, month(m[1]!), +m[2]!, +m[3]!, +m[4]!, +m[5]!);
    const latest = reference.getTime() / 1000 + SECONDS_PER_DAY;
    return seconds > latest ? utc(year - 1, month(m[1]!), +m[2]!, +m[3]!, +m[4]!, +m[5]!) : seconds;
  }
  return Number.NaN;
}

function month(name: string): number {
  return MONTHS[name.toLowerCase()] ?? Number.NaN;
}

function utc(year: number, mon: number, day: number, hour: number, minute: number, second: number): number {
  if (!(mon >= 1 && mon <= 12 && day >= 1 && day <= 31 && hour <= 24 && minute <= 59 && second <= 60))
    return Number.NaN;
  return (daysFromCivil(year, mon, day) * 24 + hour) * 3600 + minute * 60 + second;
}

function offsetSeconds(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 3600 + Number(digits.slice(3, 5)) * 60);
}

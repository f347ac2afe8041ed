import { fold } from './text.js';

/** A calendar date read from text; never a JavaScript Date, so no time zone can shift it. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: ReadonlyArray<readonly string[]> = [
  ['january', 'jan', 'janvier', 'janv', 'enero', 'ene'],
  ['february', 'feb', 'fevrier', 'fev', 'fevr', 'febrero'],
  ['march', 'mar', 'mars', 'marzo'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr'],
  ['may', 'mai', 'mayo'],
  ['june', 'jun', 'juin', 'junio'],
  ['july', 'jul', 'juillet', 'juil', 'julio'],
  ['august', 'aug', 'aout', 'agosto', 'ago'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre'],
  ['october', 'oct', 'octobre', 'octubre'],
  ['november', 'nov', 'novembre', 'noviembre'],
  ['december', 'dec', 'decembre', 'diciembre', 'dic'],
];
MONTH_NAMES.forEach((names, index) => names.forEach((name) => (MONTHS[name] = index + 1)));

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

function date(year: number, month: number, day: number): CalendarDate | null {
  return isCalendarDate(year, month, day) ? { year, month, day } : null;
}

/** A time part that is only midnight (how spreadsheets store plain dates); any other time is an event. */
const MIDNIGHT = /^(?:[ T]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?$/;

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(.*)$/;
const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(.*)$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const WORDY = /^(\d{1,2})(?:st|nd|rd|th|er)?\s+(?:de\s+)?([a-z]+)\.?\s+(?:de\s+)?(\d{4})$/;
const MONTH_FIRST = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;

/**
 * Real calendar dates in the forms people and exports write them: 1985-03-12 (also with a
 * midnight time), 12/03/1985 and 03/12/1985 (day or month first: valid if either reading is),
 * 19850312, "12 March 1985", "12 mars 1985", "12 de marzo de 1985", "March 12, 1985".
 * Two-digit years are refused: their century is a guess.
 */
export function parseCalendarDate(value: string): CalendarDate[] {
  const text = value.trim();
  if (isPlainIsoDate(text)) {
    const d = date(digitsAt(text, 0, 4), digitsAt(text, 5, 7), digitsAt(text, 8, 10));
    return d ? [d] : [];
  }
  let m = ISO.exec(text);
  if (m) {
    if (!MIDNIGHT.test(m[4]!)) return [];
    const d = date(Number(m[1]), Number(m[2]), Number(m[3]));
    return d ? [d] : [];
  }
  m = DAY_FIRST.exec(text);
  if (m) {
    if (!MIDNIGHT.test(m[4]!)) return [];
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = Number(m[3]);
    return [date(year, b, a), a !== b ? date(year, a, b) : null].filter((d): d is CalendarDate => d !== null);
  }
  m = COMPACT.exec(text);
  if (m) {
    const d = date(Number(m[1]), Number(m[2]), Number(m[3]));
    return d ? [d] : [];
  }
  const folded = fold(text);
  m = WORDY.exec(folded);
  if (m && MONTHS[m[2]!]) {
    const d = date(Number(m[3]), MONTHS[m[2]!]!, Number(m[1]));
    return d ? [d] : [];
  }
  m = MONTH_FIRST.exec(folded);
  if (m && MONTHS[m[1]!]) {
    const d = date(Number(m[3]), MONTHS[m[1]!]!, Number(m[2]));
    return d ? [d] : [];
  }
  return [];
}

/** 1985-03-12 (or with / or . between the parts): what ISO reads most often, without the pattern. */
function isPlainIsoDate(text: string): boolean {
  if (text.length !== 10 || !isSeparator(text.charCodeAt(4)) || !isSeparator(text.charCodeAt(7)))
    return false;
  for (let i = 0; i < 10; i++) {
    const c = text.charCodeAt(i);
    if (i !== 4 && i !== 7 && (c < 48 || c > 57)) return false;
  }
  return true;
}

function isSeparator(c: number): boolean {
  return c === 45 || c === 47 || c === 46;
}

/** The number written by the ASCII digits of text[start, end). */
function digitsAt(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** "YYYY-MM-DD" (from the injected clock) → CalendarDate; a programming error when malformed. */
export function isoDay(text: string): CalendarDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const d = m ? date(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!d) throw new Error(`Expected a date as YYYY-MM-DD, got "${text}"`);
  return d;
}

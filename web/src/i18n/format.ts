/** Dates and times in the reader's language, in their own time zone. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * A publication date that may name only the year (`2021`) or the month (`2023-12`), in the reader's
 * language: "2021", "December 2023", "13 Jun 2024". Anything else is shown as given.
 */
export function formatPartialDate(value: string, language: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  if (!month) return year ?? value;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, day ? Number(day) : 1));
  if (Number.isNaN(date.getTime())) return value;
  const style: Intl.DateTimeFormatOptions = day
    ? { dateStyle: 'medium', timeZone: 'UTC' }
    : { year: 'numeric', month: 'long', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(language, style).format(date);
}

/** A score with one decimal in the reader's language: "67.6" in English, "67,6" in French and Spanish. */
export function formatScore(score: number, language: string): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    score,
  );
}

/**
 * A percentage given from 0 to 100, with at most one decimal and the sign where the reader's language
 * puts it: "12.6%" in English, "12,6 %" in French and Spanish.
 */
export function formatPercent(percent: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(
    percent / 100,
  );
}

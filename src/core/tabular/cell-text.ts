import type { CellValue } from 'exceljs';

/**
 * The text a spreadsheet user would expect for a cell: rich text joined, hyperlinks as their
 * display text, formulas as their cached result, dates as YYYY-MM-DD (with the time only when
 * there is one), booleans as TRUE/FALSE like Excel, errors as their code (#N/A). `numFmt` is
 * only needed for formulas: the reader already turns plain date cells into dates.
 */
export function cellText(value: CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return formulaResultText(value.result, numFmt);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  return '';
}

function formulaResultText(result: unknown, numFmt?: string): string {
  if (result === undefined || result === null) return '';
  if (typeof result === 'number') {
    if (isDateFormat(numFmt)) return numberAsDate(result);
    // Excel shows 15 significant digits; a cached 0.30000000000000004 reads as 0.3.
    return String(Number(result.toPrecision(15)));
  }
  return cellText(result as CellValue);
}

export function dateText(date: Date): string {
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  const iso = rounded.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  if (time === '00:00:00') return day;
  return time.endsWith(':00') ? `${day} ${time.slice(0, 5)}` : `${day} ${time}`;
}

/** Excel serial day (1900 system) to a UTC date, as exceljs does for plain date cells. */
function numberAsDate(serial: number): string {
  return dateText(new Date(Math.round((serial - 25569) * 86_400_000)));
}

/** A number format shows a date when it has day/month/year or hour codes outside quotes and brackets. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

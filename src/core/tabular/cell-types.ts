import { z } from 'zod';
import { normaliseHeader, type CellOutput } from './columns.js';

/**
 * Ready-made cell kinds to spread into `column({...})`: each pairs a schema reading the cell text
 * with the `format` that writes the value back, so export → import returns the same value.
 * Schemas receive non-empty text; empty cells never reach them.
 */

type Synonyms<T extends string> = Partial<Record<T, readonly string[]>>;

function choiceMatcher<T extends string>(values: readonly T[], synonyms: Synonyms<T> = {}) {
  const index = new Map<string, T>();
  for (const value of values) {
    for (const name of [value, ...(synonyms[value] ?? [])]) {
      const key = normaliseHeader(name);
      const other = index.get(key);
      if (other !== undefined && other !== value)
        throw new Error(`Choices ${other} and ${value} both match "${name}"`);
      index.set(key, value);
    }
  }
  return (text: string): T | undefined => index.get(normaliseHeader(text));
}

function allowed(values: readonly string[]): string {
  return values.length <= 12 ? values.join(', ') : `${values.slice(0, 12).join(', ')}, …`;
}

const LIST_SEPARATORS = /[;\n|]/;

function splitList(text: string, separators: RegExp): string[] {
  return text
    .split(separators)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00(?:\.0+)?)?Z?)?$/;

/**
 * Excel's serial day numbers for 1950-01-01 and 2199-12-31: a whole number in this range in a date
 * column is a date cell that lost its date format on the way (a column formatted General, a CSV saved
 * from such a sheet, a reader that met the cell before the workbook's styles). Outside it, a number is
 * more likely something else (a year such as 2025 would be a day in 1905) and is refused.
 */
const SERIAL_DAYS = { min: 18_264, max: 109_574 } as const;

function isoDateValue(text: string): string | null {
  const trimmed = text.trim();
  if (/^\d{5,6}$/.test(trimmed)) {
    const serial = Number(trimmed);
    if (serial < SERIAL_DAYS.min || serial > SERIAL_DAYS.max) return null;
    // Day 25,569 is 1970-01-01 (the 1900 date system, as exceljs reads it).
    return new Date((serial - 25_569) * 86_400_000).toISOString().slice(0, 10);
  }
  const match = DATE.exec(trimmed);
  if (!match) return null;
  const [, y, m, d] = match;
  const day = `${y}-${m}-${d}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : null;
}

/** "3.5", "3,5" (decimal comma) and "-2" are numbers; "1,000.5" or "1 000" are refused as ambiguous. */
function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  const normalised = /^[+-]?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

export const cell = {
  text: ({ max = 1000 }: { max?: number } = {}) => ({
    schema: z
      .string()
      .trim()
      .max(max, { error: `at most ${max} characters` }),
  }),

  email: () => ({
    schema: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, { error: 'at most 254 characters' })
      .pipe(z.email({ error: 'not a valid e-mail address' })),
    hint: 'e-mail address',
  }),

  /** One value among `values`; case, accents and punctuation are forgiven ("Data owner" → data_owner). */
  choice: <const T extends string>(values: readonly T[], synonyms?: Synonyms<T>) => {
    const match = choiceMatcher(values, synonyms);
    return {
      schema: z.string().transform((text, ctx): T => {
        const value = match(text);
        if (value === undefined) {
          ctx.addIssue({ code: 'custom', message: `"${text.trim()}" is not one of: ${allowed(values)}` });
          return z.NEVER;
        }
        return value;
      }),
      format: (value: T): CellOutput => value,
      choices: values,
      hint: `one of: ${allowed(values)}`,
    };
  },

  /** Several of `values` in one cell, separated by ";" (also "|" or line breaks). */
  choiceList: <const T extends string>(values: readonly T[], synonyms?: Synonyms<T>) => {
    const match = choiceMatcher(values, synonyms);
    return {
      schema: z.string().transform((text, ctx): T[] => {
        const result: T[] = [];
        for (const part of splitList(text, /[;,\n|]/)) {
          const value = match(part);
          if (value === undefined) {
            ctx.addIssue({ code: 'custom', message: `"${part}" is not one of: ${allowed(values)}` });
            return z.NEVER;
          }
          if (!result.includes(value)) result.push(value);
        }
        return result;
      }),
      format: (value: readonly T[]): CellOutput => value.join('; '),
      choices: values,
      multiple: true,
      hint: `one or more of: ${allowed(values)}, separated by ;`,
    };
  },

  /**
   * Free-text items separated by ";" (or "|", line breaks); items may contain commas unless
   * `commas` also makes the comma a separator (short items such as tags).
   */
  textList: ({ maxItem = 200, commas = false }: { maxItem?: number; commas?: boolean } = {}) => ({
    schema: z.string().transform((text, ctx): string[] => {
      const items = splitList(text, commas ? /[;,\n|]/ : LIST_SEPARATORS);
      const long = items.find((item) => item.length > maxItem);
      if (long !== undefined) {
        ctx.addIssue({ code: 'custom', message: `each item must have at most ${maxItem} characters` });
        return z.NEVER;
      }
      return items;
    }),
    format: (value: readonly string[]): CellOutput => value.join('; '),
    hint: commas ? 'items separated by ; (or , or |)' : 'items separated by ;',
  }),

  /** A calendar date, kept as "YYYY-MM-DD"; written to workbooks as a real date cell. */
  date: () => ({
    schema: z.string().transform((text, ctx): string => {
      const value = isoDateValue(text);
      if (value === null) {
        ctx.addIssue({ code: 'custom', message: `"${text.trim()}" is not a date as YYYY-MM-DD` });
        return z.NEVER;
      }
      return value;
    }),
    format: (value: string): CellOutput => new Date(`${value}T00:00:00Z`),
    hint: 'date as YYYY-MM-DD',
  }),

  integer: ({ min, max }: { min?: number; max?: number } = {}) => ({
    schema: z
      .string()
      .transform((text, ctx): number => {
        const value = parseDecimal(text);
        if (value === null || !Number.isSafeInteger(value)) {
          ctx.addIssue({ code: 'custom', message: `"${text.trim()}" is not a whole number` });
          return z.NEVER;
        }
        return value;
      })
      .pipe(bounded(min, max)),
    format: (value: number): CellOutput => value,
    hint: rangeHint('whole number', min, max),
  }),

  number: ({ min, max }: { min?: number; max?: number } = {}) => ({
    schema: z
      .string()
      .transform((text, ctx): number => {
        const value = parseDecimal(text);
        if (value === null) {
          ctx.addIssue({ code: 'custom', message: `"${text.trim()}" is not a number` });
          return z.NEVER;
        }
        return value;
      })
      .pipe(bounded(min, max)),
    format: (value: number): CellOutput => value,
    hint: rangeHint('number', min, max),
  }),

  /** yes/no in the three working languages, TRUE/FALSE as Excel writes them, 1/0. */
  boolean: () => {
    const yesNo = cell.choice(['yes', 'no'], {
      yes: ['true', 'y', '1', 'oui', 'si', 'sí', 'x'],
      no: ['false', 'n', '0', 'non'],
    });
    return {
      schema: yesNo.schema.transform((value) => value === 'yes'),
      format: (value: boolean): CellOutput => (value ? 'yes' : 'no'),
      choices: yesNo.choices,
      hint: 'yes or no',
    };
  },
};

function bounded(min: number | undefined, max: number | undefined) {
  let schema = z.number();
  if (min !== undefined) schema = schema.min(min, { error: `must be at least ${min}` });
  if (max !== undefined) schema = schema.max(max, { error: `must be at most ${max}` });
  return schema;
}

function rangeHint(kind: string, min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`;
  if (min !== undefined) return `${kind}, at least ${min}`;
  if (max !== undefined) return `${kind}, at most ${max}`;
  return kind;
}

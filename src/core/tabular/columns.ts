import type { z } from 'zod';

/** What an export writes into a cell. Readers give text back; the column's schema parses it. */
export type CellOutput = string | number | Date | null | undefined;

/**
 * One column of an import/export: how it is recognised (header and aliases), parsed (a zod
 * schema receiving the non-empty cell text), written back (`format`), and explained (the
 * Instructions sheet and drop-down lists). One spec serves the template, the export and the import.
 */
export interface ColumnSpec<
  K extends string = string,
  S extends z.ZodType = z.ZodType,
  R extends boolean = boolean,
> {
  key: K;
  /** Header written on export and used in messages. */
  header: string;
  /** Other headers accepted on import (any language); matching ignores case, accents and punctuation. */
  aliases: readonly string[];
  required: R;
  schema: S;
  /** Typed value → cell. Default: text as is, numbers as numbers, dates as dates, lists joined by "; ". */
  format?(value: z.output<S>): CellOutput;
  /** Allowed values, offered as a drop-down in exported workbooks. */
  choices?: readonly string[];
  /** The cell may hold several of the choices separated by ";". */
  multiple?: boolean;
  /** Expected format, for the Instructions sheet (e.g. "YYYY-MM-DD"). */
  hint?: string;
  description?: string;
  example?: string;
  /** Column width in characters in exported workbooks. */
  width?: number;
}

export type AnyColumn = ColumnSpec<string, z.ZodType, boolean>;

type ColumnInit<K extends string, S extends z.ZodType, R extends boolean> = Omit<
  ColumnSpec<K, S, R>,
  'aliases' | 'required'
> & { aliases?: readonly string[]; required?: R };

export function column<const K extends string, S extends z.ZodType, const R extends boolean = false>(
  init: ColumnInit<K, S, R>,
): ColumnSpec<K, S, R> {
  return { ...init, aliases: init.aliases ?? [], required: (init.required ?? false) as R };
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The typed record an import yields for these columns (optional columns may be absent). */
export type RowOf<Cs extends readonly AnyColumn[]> = Simplify<
  { [C in Extract<Cs[number], { required: true }> as C['key']]: z.output<C['schema']> } & {
    [C in Exclude<Cs[number], { required: true }> as C['key']]?: z.output<C['schema']>;
  }
>;

export interface RowProblem<K extends string = string> {
  column?: K;
  message: string;
}

export interface TableSpec<Cs extends readonly AnyColumn[] = readonly AnyColumn[]> {
  /** Sheet name of exports and the noun used in messages, e.g. "People". */
  name: string;
  columns: Cs;
  /** Keys whose values must not repeat within one file (compared case-insensitively). */
  unique?: ReadonlyArray<Cs[number]['key']>;
  /** Rules across cells of one row, run once every cell parsed. */
  check?(row: RowOf<Cs>): RowProblem<Cs[number]['key']>[];
  /** Extra lines for the Instructions sheet. */
  instructions?: readonly string[];
}

/** Sheet names the exporter uses for itself. */
export const RESERVED_SHEET_NAMES = ['Instructions', 'Lists'] as const;

/**
 * Header text → comparison key: case, accents, spaces and punctuation do not matter, so
 * "E-mail", "email", "Courriel " and "Correo electrónico" compare by their letters only.
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Every accepted header of every column, normalised. Definition errors are programming errors. */
export function headerIndex(columns: readonly AnyColumn[]): Map<string, AnyColumn> {
  const index = new Map<string, AnyColumn>();
  for (const col of columns) {
    for (const name of [col.key, col.header, ...col.aliases]) {
      const key = normaliseHeader(name);
      const other = index.get(key);
      if (!key) throw new Error(`Column ${col.key}: header "${name}" has no letters or digits`);
      if (other && other !== col)
        throw new Error(`Columns ${other.key} and ${col.key} both accept the header "${name}"`);
      index.set(key, col);
    }
  }
  return index;
}

/** Check a table spec once, where it is declared, so a mistake fails at start-up and in tests. */
export function defineTable<const Cs extends readonly AnyColumn[]>(spec: TableSpec<Cs>): TableSpec<Cs> {
  const keys = new Set<string>();
  for (const col of spec.columns) {
    if (keys.has(col.key)) throw new Error(`Table ${spec.name}: duplicate column key ${col.key}`);
    keys.add(col.key);
  }
  headerIndex(spec.columns);
  for (const key of spec.unique ?? []) {
    if (!keys.has(key)) throw new Error(`Table ${spec.name}: unique key ${key} is not a column`);
  }
  if ((RESERVED_SHEET_NAMES as readonly string[]).includes(spec.name)) {
    throw new Error(`Table ${spec.name}: the name is reserved for the exporter's own sheets`);
  }
  return spec;
}

/** The cell an export writes for a value of this column. */
export function formatCell(column: AnyColumn, value: unknown): CellOutput {
  if (value === undefined || value === null) return null;
  if (column.format) return column.format(value);
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map(String).join('; ');
  throw new Error(`Column ${column.key}: give it a format() to export ${typeof value} values`);
}

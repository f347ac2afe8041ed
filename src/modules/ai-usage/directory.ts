import fs from 'node:fs';
import { errors, type FieldIssue } from '../../core/errors.js';
import type { ByteInput } from '../../core/tabular/byte-source.js';
import { readSpreadsheet } from '../../core/tabular/read.js';
import { fieldKey } from './parsers/column-map.js';
import { normaliseUserId } from './pseudonymise.js';

/*
 * The staff directory export (CSV or XLSX: user → department, office) that gives log events a
 * department and an office. It is joined in memory on the raw, normalised user id while a file is
 * read and is never stored: only the department and office names reach the roll-ups.
 */

export interface DirectoryEntry {
  department: string | null;
  office: string | null;
}

export type Directory = ReadonlyMap<string, DirectoryEntry>;

const USER_HEADERS = [
  'user',
  'username',
  'userid',
  'login',
  'upn',
  'userprincipalname',
  'email',
  'mail',
  'samaccountname',
  'account',
];
const DEPARTMENT_HEADERS = ['department', 'dept', 'division', 'unit'];
const OFFICE_HEADERS = ['office', 'location', 'site', 'dutystation', 'countryoffice'];
const MAX_REPORTED = 20;

/** Read a directory export from a file on this machine. */
export async function readDirectoryFile(file: string): Promise<Directory> {
  if (!fs.existsSync(file)) throw errors.notFound('Directory file', file);
  return readDirectory(fs.createReadStream(file));
}

export async function readDirectory(input: ByteInput): Promise<Directory> {
  const table = await readSpreadsheet(input);
  const column = (names: readonly string[]) => table.headers.find((h) => names.includes(fieldKey(h)));
  const user = column(USER_HEADERS);
  const department = column(DEPARTMENT_HEADERS);
  const office = column(OFFICE_HEADERS);
  if (!user || (!department && !office)) {
    throw errors.validation(
      `The directory needs a user column (${USER_HEADERS.join(', ')}) and a department or office column; found ${table.headers.join(', ')}`,
    );
  }
  const entries = new Map<string, DirectoryEntry & { row: number }>();
  const issues: FieldIssue[] = [];
  for await (const row of table.rows) {
    const id = normaliseUserId(row.cells[user] ?? '');
    if (id === null) continue;
    const entry = {
      department: clean(department ? row.cells[department] : undefined),
      office: clean(office ? row.cells[office] : undefined),
      row: row.row,
    };
    const earlier = entries.get(id);
    if (earlier && (earlier.department !== entry.department || earlier.office !== entry.office)) {
      if (issues.length < MAX_REPORTED)
        issues.push({
          path: user,
          row: row.row,
          column: user,
          message: `the user of row ${earlier.row} again, with another department or office`,
        });
      continue;
    }
    entries.set(id, entry);
  }
  if (issues.length > 0) throw errors.importInvalid(issues);
  return new Map(
    [...entries].map(([id, { department: d, office: o }]) => [id, { department: d, office: o }]),
  );
}

function clean(value: string | undefined): string | null {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
}

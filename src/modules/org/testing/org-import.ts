import type { RequestContext } from '../../../core/audit.js';
import type { Actor, Role } from '../../../core/permissions.js';
import type { Db } from '../../../db/database.js';

/* Helpers for the spreadsheet import tests: files built in the test, rows counted in the database. */

/** A CSV file from rows of cells (quoted when needed), lines ending in CRLF as Excel writes them. */
export function csv(rows: readonly (readonly string[])[], delimiter = ','): Buffer {
  const field = (value: string) => (/[",;\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return Buffer.from(rows.map((row) => row.map(field).join(delimiter)).join('\r\n') + '\r\n', 'utf8');
}

export const PEOPLE_HEADERS = [
  'E-mail',
  'Full name',
  'Office code',
  'Department code',
  'Job title',
  'Governance roles',
  'Active',
] as const;

/** What the tests watch to prove that nothing (or exactly what) was written. */
export interface Counts {
  offices: number;
  people: number;
  audit: number;
}

export async function counts(db: Db): Promise<Counts> {
  const n = async (table: 'offices' | 'people' | 'audit_events') =>
    Number(
      (
        await db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { offices: await n('offices'), people: await n('people'), audit: await n('audit_events') };
}

/** A caller limited to some offices (and the regions they make visible), as sign-in would build it. */
export function scopedContext(role: Role, officeIds: string[], regionIds: string[] = []): RequestContext {
  const actor: Actor = {
    userId: null,
    label: `test-${role}`,
    role,
    scope: { kind: 'offices', officeIds: new Set(officeIds), regionIds: new Set(regionIds) },
    personId: null,
    readOnly: false,
  };
  return { actor, requestId: null };
}

/** An input that fails the test if anyone reads it: proves a refusal happened before the file was read. */
export async function* unreadable(): AsyncGenerator<Buffer> {
  yield await Promise.reject(new Error('the file was read before the permission check'));
}

/** One file part of a multipart body. */
export interface MultipartFile {
  name?: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A multipart/form-data body with file parts (one or several) and optional plain fields, built by hand. */
export function multipartBody(
  file: MultipartFile | readonly MultipartFile[] | null,
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----custos-test-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  for (const one of file === null ? [] : Array.isArray(file) ? file : [file as MultipartFile])
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${one.name ?? 'file'}"; filename="${one.filename}"\r\n` +
          `Content-Type: ${one.contentType}\r\n\r\n`,
      ),
      one.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

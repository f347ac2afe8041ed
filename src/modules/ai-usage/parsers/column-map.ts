import { z } from 'zod';
import { errors } from '../../../core/errors.js';

/*
 * Which column (CSV, Zscaler with a header, W3C) or key path (JSON Lines) holds each value Custos
 * reads. `--map "time=ts,user=uid,host=dest,bytes_up=sent,bytes_down=recv,department=dept"` names
 * them; fields left out are looked up under common names (ALIASES), compared case- and
 * punctuation-insensitively (`Bytes-Out` = `bytes_out` = `bytesout`).
 */

export const MAPPED_FIELDS = [
  'time',
  'user',
  'client',
  'host',
  'url',
  'bytes_up',
  'bytes_down',
  'action',
  'department',
  'office',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];
export type ColumnMap = Partial<Record<MappedField, string>>;

const columnMapSchema = z.partialRecord(z.enum(MAPPED_FIELDS), z.string().min(1).max(200));

/** Common names of each field in CSV headers and JSON keys (already reduced by `fieldKey`). */
export const ALIASES: Record<MappedField, readonly string[]> = {
  time: ['time', 'timestamp', 'ts', 'datetime', 'eventtime', 'timegenerated', 'logtime', 'date'],
  user: [
    'user',
    'username',
    'userid',
    'uid',
    'login',
    'elogin',
    'ologin',
    'upn',
    'userprincipalname',
    'email',
    'suser',
    'srcuser',
    'account',
  ],
  client: ['clientip', 'cip', 'srcip', 'sourceip', 'src', 'cintip', 'sourceaddress', 'client'],
  host: [
    'host',
    'hostname',
    'ehost',
    'dhost',
    'domain',
    'desthost',
    'destinationhost',
    'fqdn',
    'servername',
    'sni',
    'urlhost',
  ],
  url: ['url', 'eurl', 'uri', 'requesturl', 'request', 'fullurl', 'destinationurl'],
  bytes_up: [
    'bytesup',
    'bytesout',
    'bytessent',
    'sentbytes',
    'requestsize',
    'reqsize',
    'requestbytes',
    'out',
    'csbytes',
    'uploadbytes',
    'upload',
  ],
  bytes_down: [
    'bytesdown',
    'bytesin',
    'bytesreceived',
    'receivedbytes',
    'responsesize',
    'respsize',
    'responsebytes',
    'in',
    'scbytes',
    'downloadbytes',
    'download',
  ],
  action: ['action', 'act', 'disposition', 'decision', 'verdict'],
  department: ['department', 'dept', 'edepartment', 'division'],
  office: ['office', 'location', 'elocation', 'site', 'branch'],
};

export function fieldKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Parse `field=column,field=column`; unknown fields and repeated fields are refused. */
export function parseColumnMap(spec: string | undefined): ColumnMap {
  if (spec === undefined || spec.trim() === '') return {};
  const entries: [string, string][] = [];
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0)
      throw errors.validation(`--map: "${part.trim()}" is not field=column`, [
        { path: '--map', message: 'expected field=column pairs separated by commas' },
      ]);
    const field = part.slice(0, eq).trim();
    if (entries.some(([f]) => f === field))
      throw errors.validation(`--map: ${field} is given twice`, [
        { path: '--map', message: `${field} is given twice` },
      ]);
    entries.push([field, part.slice(eq + 1).trim()]);
  }
  const parsed = columnMapSchema.safeParse(Object.fromEntries(entries));
  if (!parsed.success) {
    throw errors.validation(
      `--map: use the fields ${MAPPED_FIELDS.join(', ')}`,
      parsed.error.issues.map((issue) => ({
        path: '--map',
        message: `${issue.path.join('.')}: ${issue.message}`,
      })),
    );
  }
  return parsed.data;
}

/**
 * Resolve every field to an index into `names` (-1 when absent): the mapped name when given (an
 * error if it is not there), else the first name whose key is one of the field's aliases.
 */
export function resolveColumns(
  names: readonly string[],
  map: ColumnMap,
  aliases: Record<MappedField, readonly string[]> = ALIASES,
): Record<MappedField, number> {
  const keys = names.map(fieldKey);
  const lower = names.map((name) => name.toLowerCase());
  const resolved = {} as Record<MappedField, number>;
  const missing: string[] = [];
  for (const field of MAPPED_FIELDS) {
    const wanted = map[field];
    if (wanted !== undefined) {
      let index = lower.indexOf(wanted.toLowerCase());
      if (index === -1) index = keys.indexOf(fieldKey(wanted));
      if (index === -1) missing.push(`${field}=${wanted}`);
      resolved[field] = index;
    } else {
      resolved[field] = aliases[field].reduce<number>(
        (found, alias) => (found !== -1 ? found : keys.indexOf(alias)),
        -1,
      );
    }
  }
  if (missing.length > 0) {
    throw errors.validation(
      `--map names columns the file does not have: ${missing.join(', ')} (it has: ${names.join(', ')})`,
      [{ path: '--map', message: `not in the file: ${missing.join(', ')}` }],
    );
  }
  return resolved;
}

/** A clear error when the columns that every event needs cannot be found. */
export function requireTimeAndHost(
  resolved: Record<MappedField, number>,
  names: readonly string[],
  what: string,
): void {
  const lacks = [
    ...(resolved.time === -1 ? ['time'] : []),
    ...(resolved.host === -1 && resolved.url === -1 ? ['host (or url)'] : []),
  ];
  if (lacks.length > 0) {
    throw errors.validation(
      `The ${what} has no ${lacks.join(' and no ')} column; name it with --map, e.g. --map "time=ts,host=dest,user=uid" (columns found: ${names.join(', ')})`,
      [{ path: '--map', message: `missing: ${lacks.join(', ')}` }],
    );
  }
}

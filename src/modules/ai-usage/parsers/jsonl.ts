import { errors } from '../../../core/errors.js';
import {
  EVENT,
  MALFORMED,
  type ByteField,
  type LineOutcome,
  type LineParser,
  type RawEvent,
} from '../log-event.js';
import { parseLogTime, SECONDS_PER_DAY, validSeconds } from '../log-time.js';
import { hostOfUrl, isBlockedAction } from './bytes.js';
import {
  type ColumnMap,
  MAPPED_FIELDS,
  requireTimeAndHost,
  resolveColumns,
  type MappedField,
} from './column-map.js';

/*
 * JSON Lines: one JSON object per line. Key paths are found once, from the first object, by
 * --map (dotted paths such as `event.hostname`) or by common key names at any depth up to three,
 * shallower first. Zscaler's JSON feed (`{"sourcetype":"zscalernss-web","event":{...}}`) needs no
 * map: its keys (datetime, user, hostname, requestsize, department, location…) are common names.
 */

type Paths = Record<MappedField, readonly string[] | null>;

const MAX_DEPTH = 3;

export class JsonLinesParser implements LineParser {
  readonly format = 'jsonl' as const;
  reason = '';

  constructor(
    private readonly paths: Paths,
    private readonly reference?: Date,
  ) {}

  parse(buf: Buffer, start: number, end: number, event: RawEvent): LineOutcome {
    if (buf[start] !== 0x7b) return this.malformed('the line is not a JSON object');
    let record: unknown;
    try {
      record = JSON.parse(buf.toString('utf8', start, end));
    } catch {
      return this.malformed('the line is not valid JSON');
    }
    event.reset();
    const paths = this.paths;
    const time = valueAt(record, paths.time);
    const seconds =
      typeof time === 'number'
        ? time > 1e11
          ? Math.floor(time / 1000)
          : Math.floor(time)
        : typeof time === 'string'
          ? parseLogTime(time, this.reference)
          : Number.NaN;
    if (!validSeconds(seconds)) return this.malformed('the time is missing or not a timestamp');
    event.day = Math.floor(seconds / SECONDS_PER_DAY);

    if (
      !setText(event, event.host, valueAt(record, paths.host)) &&
      setText(event, event.host, valueAt(record, paths.url))
    ) {
      hostOfUrl(event.host.buf, event.host.start, event.host.end, event.host);
    }
    if (!setText(event, event.user, valueAt(record, paths.user)))
      setText(event, event.user, valueAt(record, paths.client));
    setText(event, event.department, valueAt(record, paths.department));
    setText(event, event.office, valueAt(record, paths.office));
    event.bytesUp = count(valueAt(record, paths.bytes_up));
    event.bytesDown = count(valueAt(record, paths.bytes_down));
    if (event.bytesUp < 0 || event.bytesDown < 0) return this.malformed('a byte count is not a number');
    const action = valueAt(record, paths.action);
    if (typeof action === 'string') {
      const bytes = Buffer.from(action, 'utf8');
      event.blocked = isBlockedAction(bytes, 0, bytes.length);
    }
    return EVENT;
  }

  private malformed(reason: string): LineOutcome {
    this.reason = reason;
    return MALFORMED;
  }
}

/** Resolve the key paths from the first object of the file. */
export function jsonPaths(firstLine: string, map: ColumnMap): Paths {
  let record: unknown;
  try {
    record = JSON.parse(firstLine);
  } catch {
    throw errors.validation('The first line of the JSON Lines file is not valid JSON');
  }
  const leaves = leafPaths(record, [], 0).sort((a, b) => a.length - b.length);
  const dotted = leaves.map((path) => path.join('.'));
  // Match map values against full dotted paths, aliases against the last key of each path.
  const byPath = resolveColumns(dotted, map, noAliases());
  const byName = resolveColumns(
    leaves.map((path) => path[path.length - 1]!),
    {},
  );
  const paths = {} as Paths;
  const resolved = {} as Record<MappedField, number>;
  for (const field of MAPPED_FIELDS) {
    const index = map[field] !== undefined ? byPath[field] : byName[field];
    resolved[field] = index;
    paths[field] = index >= 0 ? leaves[index]! : null;
  }
  requireTimeAndHost(resolved, dotted, 'first JSON object');
  return paths;
}

function noAliases(): Record<MappedField, readonly string[]> {
  return Object.fromEntries(MAPPED_FIELDS.map((field) => [field, []])) as unknown as Record<
    MappedField,
    readonly string[]
  >;
}

function leafPaths(value: unknown, prefix: string[], depth: number): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return depth === 0 ? [] : [prefix];
  if (depth >= MAX_DEPTH) return [];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, [...prefix, key], depth + 1));
}

function valueAt(record: unknown, path: readonly string[] | null): unknown {
  if (path === null) return undefined;
  let value = record;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function setText(event: RawEvent, field: ByteField, value: unknown): boolean {
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  const text = String(value).trim();
  if (text === '' || text === '-' || text === 'None' || text === 'NA' || text === 'N/A') return false;
  event.setText(field, text);
  return true;
}

function count(value: unknown): number {
  if (value === undefined || value === null || value === '' || value === '-') return 0;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) && n >= 0 ? n : -1;
}

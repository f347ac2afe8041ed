import { errors } from '../../../core/errors.js';
import { LOG_FORMATS, type LineParser, type LogFormat } from '../log-event.js';
import { parseLogTime, validSeconds } from '../log-time.js';
import { type ColumnMap, fieldKey } from './column-map.js';
import { csvLayout, DelimitedParser, sniffDelimiter, splitLine, zscalerLayout } from './delimited.js';
import { DnsQueryParser } from './dns.js';
import { jsonPaths, JsonLinesParser } from './jsonl.js';
import { SquidParser } from './squid.js';
import { W3cParser } from './w3c.js';

/*
 * Which format a log is in, from its first lines (up to SAMPLE_LINES non-blank ones), and the
 * parser for it. Line formats (Squid, DNS, JSON Lines) must match most sample lines; W3C is
 * recognised by its directives; Zscaler by its feed timestamp or its variable names; generic CSV
 * by a header naming a time and a host or URL column (or by --map). Anything else is refused with
 * a message that names the --format choices.
 */

export const SAMPLE_LINES = 20;

export interface ParserOptions {
  map: ColumnMap;
  /** "Now" for year-less syslog timestamps (dnsmasq, BIND through syslog). */
  reference: Date;
}

const SQUID =
  /^[0-9]{9,10}(?:\.[0-9]{1,3})? +[0-9]+ [^ ]+ [A-Z_]+\/[0-9]{3} [0-9]+ [A-Z_-]+ [^ ]+ [^ ]+ [^ ]+ [^ ]+/;
const BIND_CLIENT = / client (?:@0x[0-9a-f]+ )?[0-9a-fA-F.:]+#[0-9]+/;
const DNSMASQ = / dnsmasq\[[0-9]+\]: /;
const ZSCALER_TIME = /^"?[A-Z][a-z]{2} [A-Z][a-z]{2} +[0-9]{1,2} [0-9]{2}:[0-9]{2}:[0-9]{2} [0-9]{4}"?$/;
/** NSS variable names a Zscaler header or JSON template would carry. */
const ZSCALER_NAMES = new Set([
  'login',
  'elogin',
  'ologin',
  'eurl',
  'ehost',
  'reqsize',
  'respsize',
  'urlcat',
  'urlsupercat',
  'urlclass',
  'appclass',
  'dept',
  'edepartment',
  'cip',
  'cintip',
]);

export function detectFormat(samples: readonly Buffer[], map: ColumnMap): LogFormat | null {
  const lines = samples.map((line) => line.toString('utf8'));
  if (lines.length === 0) return null;
  if (lines.some((line) => line.startsWith('#Fields:')) || /^#(Software|Version|Date):/.test(lines[0]!))
    return 'w3c';
  const mostly = (test: (line: string) => boolean) =>
    lines.filter(test).length >= Math.ceil(lines.length * 0.6);
  if (mostly(isJsonObject)) return 'jsonl';
  if (mostly((line) => SQUID.test(line))) return 'squid';
  if (mostly((line) => DNSMASQ.test(line) || (line.includes(' query: ') && BIND_CLIENT.test(line))))
    return 'dns';
  const first = samples[0]!;
  const values = splitLine(first, sniffDelimiter(first)).map((v) => v.trim());
  if (values.length >= 5 && ZSCALER_TIME.test(values[0]!)) return 'zscaler';
  if (values.filter((v) => ZSCALER_NAMES.has(fieldKey(v))).length >= 3) return 'zscaler';
  if (values.length >= 2 && looksLikeCsvHeader(first, map)) return 'csv';
  return null;
}

export function createParser(
  format: LogFormat,
  samples: readonly Buffer[],
  options: ParserOptions,
): LineParser {
  const first = samples[0];
  switch (format) {
    case 'squid':
      return new SquidParser();
    case 'w3c':
      return new W3cParser(options.map, options.reference);
    case 'dns':
      return new DnsQueryParser(options.reference);
    case 'csv':
      if (!first) throw noLines();
      return new DelimitedParser(csvLayout(first, options.map), options.reference);
    case 'zscaler':
      if (!first) throw noLines();
      return new DelimitedParser(zscalerLayout(first, options.map, options.reference), options.reference);
    case 'jsonl':
      if (!first) throw noLines();
      return new JsonLinesParser(jsonPaths(first.toString('utf8'), options.map), options.reference);
  }
}

export function unknownFormat(name: string) {
  return errors.unsupportedMediaType(
    `${name}: the log format was not recognised from its first lines; give --format ${LOG_FORMATS.join('|')} (a CSV needs a header with time and host or url columns, or --map)`,
    { file: name, formats: LOG_FORMATS },
  );
}

function noLines() {
  return errors.validation('The file has no lines to read a header or first record from');
}

function isJsonObject(line: string): boolean {
  if (!line.startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

function looksLikeCsvHeader(first: Buffer, map: ColumnMap): boolean {
  try {
    const layout = csvLayout(first, map);
    // A header holds names, not a timestamp.
    const values = splitLine(first, layout.delimiter);
    return !validSeconds(parseLogTime(values[layout.columns.time] ?? ''));
  } catch {
    return false;
  }
}

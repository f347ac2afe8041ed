import { gzipSync } from 'node:zlib';
import { parseCatalogue, type Catalogue } from '../catalogue.js';
import { EVENT, MALFORMED, RawEvent, SKIP, type LineParser } from '../log-event.js';
import { Pseudonymiser } from '../pseudonymise.js';
import { UsageRollup } from '../usage-rollup.js';
import type { Directory } from '../directory.js';

/* Small builders for the AI usage tests: log lines, parsed events, byte streams. */

/** A fixed key, long enough for the Pseudonymiser; never used outside tests. */
export const TEST_KEY = 'custos-test-usage-key-0123456789abcdef';

/** 2026-11-30T10:00:00Z. */
export const NOV_30 = 1_796_032_800;
export const DAY = 86_400;

const CONSUMER = {
  trains_on_inputs_by_default: 'yes',
  enterprise_no_training_tier: 'yes',
  data_location: 'us',
  account_required: 'optional',
  retention: 'until_deleted',
} as const;

export const SMALL_CATALOGUE = {
  version: 1,
  reviewed: '2026-11-30',
  apps: [
    {
      id: 'chatgpt',
      name: 'ChatGPT',
      vendor: 'OpenAI',
      category: 'chat_assistant',
      domains: ['chatgpt.com', 'chat.openai.com'],
      attributes: CONSUMER,
      risk: 'high',
    },
    {
      id: 'openai-api',
      name: 'OpenAI API',
      vendor: 'OpenAI',
      category: 'model_api',
      domains: ['api.openai.com'],
      attributes: {
        ...CONSUMER,
        trains_on_inputs_by_default: 'no',
        account_required: 'yes',
        retention: 'fixed_period',
      },
      risk: 'low',
    },
    {
      id: 'sora',
      name: 'Sora',
      vendor: 'OpenAI',
      category: 'video_generation',
      domains: ['sora.chatgpt.com'],
      attributes: CONSUMER,
      risk: 'high',
    },
    {
      id: 'deepl',
      name: 'DeepL',
      vendor: 'DeepL SE',
      category: 'translation',
      domains: ['deepl.com'],
      attributes: { ...CONSUMER, data_location: 'eu', retention: 'fixed_period' },
      risk: 'medium',
    },
  ],
};

/** Four apps whose domains exercise nesting (chatgpt.com / sora.chatgpt.com); JSON is YAML. */
export function smallCatalogue(): Catalogue {
  return parseCatalogue(JSON.stringify(SMALL_CATALOGUE));
}

export function testRollup(
  catalogue = smallCatalogue(),
  directory?: Directory,
  hostCacheLimit?: number,
): UsageRollup {
  return new UsageRollup({
    catalogue,
    pseudonymiser: new Pseudonymiser(TEST_KEY),
    directory,
    hostCacheLimit,
  });
}

export interface SquidFields {
  time?: number;
  elapsed?: number;
  client?: string;
  code?: string;
  bytes?: number | string;
  method?: string;
  url?: string;
  user?: string;
  hierarchy?: string;
  type?: string;
  requestSize?: number;
}

/** One line of Squid's native format; fields not given get ordinary values. */
export function squidLine(fields: SquidFields = {}): string {
  const time = (fields.time ?? NOV_30).toFixed(3);
  const elapsed = String(fields.elapsed ?? 245).padStart(6);
  const parts = [
    `${time} ${elapsed}`,
    fields.client ?? '10.1.2.3',
    fields.code ?? 'TCP_TUNNEL/200',
    String(fields.bytes ?? 5120),
    fields.method ?? 'CONNECT',
    fields.url ?? 'chatgpt.com:443',
    fields.user ?? 'jdoe',
    fields.hierarchy ?? 'HIER_DIRECT/104.18.32.47',
    fields.type ?? '-',
  ];
  if (fields.requestSize !== undefined) parts.push(String(fields.requestSize));
  return parts.join(' ');
}

export interface ParsedLine {
  outcome: 'event' | 'skip' | 'malformed';
  reason?: string;
  day?: number;
  host?: string;
  user?: string;
  department?: string;
  office?: string;
  bytesUp?: number;
  bytesDown?: number;
  blocked?: boolean;
}

/** Parse one line the way the reader does (the line followed by a LF) and read the event back. */
export function parseLine(parser: LineParser, line: string): ParsedLine {
  const buf = Buffer.from(`${line}\n`, 'utf8');
  const event = new RawEvent();
  const outcome = parser.parse(buf, 0, buf.length - 1, event);
  if (outcome === SKIP) return { outcome: 'skip' };
  if (outcome === MALFORMED) return { outcome: 'malformed', reason: parser.reason };
  if (outcome !== EVENT) throw new Error(`unexpected outcome ${String(outcome)}`);
  const text = (field: RawEvent['host']) => (field.isEmpty ? undefined : field.text());
  return {
    outcome: 'event',
    day: event.day,
    host: text(event.host),
    user: text(event.user),
    department: text(event.department),
    office: text(event.office),
    bytesUp: event.bytesUp,
    bytesDown: event.bytesDown,
    blocked: event.blocked,
  };
}

/** `bytes` cut into chunks of `size`, as a stream would deliver them. */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield Buffer.from(bytes.subarray(at, at + size));
}

export function gzip(text: string): Buffer {
  return gzipSync(Buffer.from(text, 'utf8'));
}

export function dayOf(seconds: number): number {
  return Math.floor(seconds / DAY);
}

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors.js';
import { readLog, readLogFile, type ReadLogOptions } from './log-reader.js';
import { chunked, gzip, NOV_30, squidLine, testRollup } from './testing/fixtures.js';

const OPTIONS: ReadLogOptions = { format: 'auto', map: {}, reference: new Date('2026-11-30T12:00:00Z') };

function squidLog(lines = 50): string {
  return Array.from({ length: lines }, (_, i) =>
    squidLine({
      time: NOV_30 + i,
      url: i % 5 === 0 ? 'chatgpt.com:443' : `https://site${i}.example/path?q=${i}`,
      user: `user${i % 4}`,
    }),
  ).join('\n');
}

async function read(content: Uint8Array | string, options: Partial<ReadLogOptions> = {}, chunkSize = 7) {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const rollup = testRollup();
  const report = await readLog('test.log', chunked(bytes, chunkSize), { ...OPTIONS, ...options }, rollup);
  return { report, rows: rollup.rows() };
}

async function failure(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('no error');
}

describe('reading a log file into roll-ups', () => {
  it('recognises the format, counts lines and events, and fingerprints the content', async () => {
    const text = `${squidLog()}\n`;
    const { report, rows } = await read(text);
    expect(report).toEqual({
      file: 'test.log',
      sha256: createHash('sha256').update(text).digest('hex'),
      bytes: Buffer.byteLength(text),
      compressed: false,
      format: 'squid',
      lines: 50,
      events: 50,
      skipped: 0,
      malformed: 0,
      malformed_examples: [],
    });
    expect(rows.totals).toEqual({ events: 50, ai_events: 10, ai_users: 4 });
  });

  it('reads gzip by its magic bytes, with the same fingerprint and roll-ups as the plain file', async () => {
    const text = squidLog(200);
    const plain = await read(text);
    const zipped = await read(gzip(text), {}, 64);
    expect(zipped.report).toEqual({ ...plain.report, compressed: true });
    expect(zipped.rows).toEqual(plain.rows);
  });

  it('reads concatenated gzip members as one file', async () => {
    const { report } = await read(Buffer.concat([gzip(`${squidLog(3)}\n`), gzip(squidLog(2))]));
    expect(report).toMatchObject({ compressed: true, lines: 5, events: 5 });
  });

  it('refuses a truncated gzip file with a clear error', async () => {
    const zipped = gzip(squidLog(500));
    const { code, message } = await failure(read(zipped.subarray(0, zipped.length - 20)));
    expect(code).toBe('validation_failed');
    expect(message).toMatch(
      /^test\.log: the gzip data is truncated or damaged \(unexpected end of file\); nothing from this file was counted$/,
    );
  });

  it('refuses damaged gzip data', async () => {
    const zipped = gzip(squidLog(50));
    zipped.fill(0x41, 12, 40);
    expect((await failure(read(zipped))).message).toMatch(/gzip data is truncated or damaged/);
  });

  it('counts malformed lines, reports the first ten by line number and reason, and reads on', async () => {
    const lines = squidLog(60).split('\n');
    for (let i = 2; i < 60; i += 3)
      lines[i] = Math.floor(i / 3) % 2 === 1 ? 'this is not squid' : squidLine({ bytes: 'big' });
    const { report } = await read(lines.join('\n'));
    expect(report.malformed).toBe(20);
    expect(report.events).toBe(40);
    expect(report.malformed_examples).toHaveLength(10);
    expect(report.malformed_examples.slice(0, 3)).toEqual([
      { line: 3, reason: 'the size field (5th) is not a number' },
      { line: 6, reason: 'the first field is not a Unix timestamp' },
      { line: 9, reason: 'the size field (5th) is not a number' },
    ]);
    expect(report.malformed_examples.at(-1)).toEqual({
      line: 30,
      reason: 'the first field is not a Unix timestamp',
    });
    expect(JSON.stringify(report)).not.toContain('this is not squid');
  });

  it('counts blank lines as skipped and too long lines as malformed', async () => {
    const text = `\n${squidLine()}\n\n${'x'.repeat(200)}\n${squidLine()}\n`;
    const { report } = await read(text, { maxLineBytes: 150 });
    expect(report).toMatchObject({ lines: 5, events: 2, skipped: 2, malformed: 1 });
    expect(report.malformed_examples).toEqual([{ line: 4, reason: 'the line is longer than 150 bytes' }]);
  });

  it('uses the format given instead of guessing', async () => {
    const csv = await read('a,b\n2026-11-30T10:00:00Z,chatgpt.com\n', {
      format: 'csv',
      map: { time: 'a', host: 'b' },
    });
    expect(csv.report).toMatchObject({ format: 'csv', events: 1, skipped: 1 });
    const forced = await read(squidLog(3), { format: 'dns' });
    expect(forced.report).toMatchObject({ format: 'dns', events: 0, malformed: 3 });
  });

  it('refuses a --map that names columns the CSV header does not have', async () => {
    const { code, message } = await failure(
      read('x,y\n2026-11-30T10:00:00Z,chatgpt.com\n', { format: 'csv', map: { time: 'a' } }),
    );
    expect(code).toBe('validation_failed');
    expect(message).toMatch(/time=a \(it has: x, y\)/);
  });

  it('refuses a log whose format it does not recognise, naming the choices', async () => {
    const { code, message } = await failure(read('hello\nworld\n'));
    expect(code).toBe('unsupported_media_type');
    expect(message).toMatch(
      /^test\.log: the log format was not recognised from its first lines; give --format squid\|w3c\|zscaler\|csv\|jsonl\|dns/,
    );
    expect((await failure(read(''))).code).toBe('unsupported_media_type');
  });

  it('reads a file with fewer lines than the detection sample', async () => {
    const { report } = await read(squidLine());
    expect(report).toMatchObject({ lines: 1, events: 1 });
  });
});

describe('reading log files from disk', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-usage-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads plain and gzip files and reports progress in file bytes', async () => {
    const text = squidLog(3000);
    fs.writeFileSync(path.join(dir, 'access.log'), text);
    fs.writeFileSync(path.join(dir, 'access.log.gz'), gzip(text));
    const progress: number[] = [];
    const plain = await readLogFile(
      path.join(dir, 'access.log'),
      { ...OPTIONS, onProgress: (done, total) => progress.push(done / total) },
      testRollup(),
    );
    const zipped = await readLogFile(path.join(dir, 'access.log.gz'), OPTIONS, testRollup());
    expect(plain).toMatchObject({ events: 3000, compressed: false });
    expect(zipped).toMatchObject({ events: 3000, compressed: true, sha256: plain.sha256 });
    expect(progress.at(-1)).toBe(1);
  });

  it('says which file is missing', async () => {
    expect((await failure(readLogFile(path.join(dir, 'nope.log'), OPTIONS, testRollup()))).code).toBe(
      'not_found',
    );
  });
});

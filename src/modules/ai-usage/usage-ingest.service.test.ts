import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type Role } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { gzip } from './testing/fixtures.js';
import { unpackUserSet } from './user-sets.js';
import { bytesOf, HAND_LOG, usageServices } from './testing/usage-log.js';

const admin = { actor: systemActor('test'), requestId: null };
const as = (role: Role) => ({ actor: { ...systemActor('test'), role }, requestId: null });
const csv = { format: 'auto' as const };

describeEachDialect('AI usage ingestion', ({ db }) => {
  let services: ReturnType<typeof usageServices>;
  const count = async (table: 'usage_files' | 'usage_daily' | 'usage_users' | 'audit_events') =>
    Number(
      (
        await db()
          .kysely.selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const snapshot = async () => ({
    files: await count('usage_files'),
    daily: await count('usage_daily'),
    users: await count('usage_users'),
    userDays: await storedUserDays(),
    audit: await count('audit_events'),
  });

  /** The entries of every stored user set, checked sorted and distinct, in all. */
  const storedUserDays = async () => {
    const rows = await db().kysely.selectFrom('usage_daily').select(['users', 'user_ids']).execute();
    let total = 0;
    for (const row of rows) {
      const ids = [...unpackUserSet(row.user_ids)];
      expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
      expect(row.users).toBe(ids.length);
      total += ids.length;
    }
    return total;
  };

  beforeAll(() => {
    services = usageServices(db());
  });

  it('stores a file’s roll-ups with its fingerprint and reports its malformed lines by number', async () => {
    const result = await services.usageIngest.ingest(
      admin,
      { name: 'proxy.csv', chunks: bytesOf(HAND_LOG) },
      csv,
    );
    expect(result).toMatchObject({
      file: 'proxy.csv',
      status: 'ingested',
      format: 'csv',
      events: 8,
      ai_events: 7,
      malformed: 1,
      period: { from: '2026-11-23', to: '2026-12-01' },
      written: { daily: 5, user_days: 6 },
    });
    expect(result.malformed_examples).toEqual([{ line: 10, reason: expect.any(String) }]);
    // Pseudonyms only, each numbered once; the roll-ups hold the numbers.
    const stored = await db().kysely.selectFrom('usage_users').select(['id', 'user_hash']).execute();
    expect(stored.every((row) => /^[0-9a-f]{32}$/.test(row.user_hash))).toBe(true);
    expect(stored.map((row) => Number(row.id)).sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
    expect(await storedUserDays()).toBe(6);
    const files = await services.usageIngest.listFiles(admin, { limit: 10 });
    expect(files.items).toEqual([
      expect.objectContaining({
        id: result.file_id,
        name: 'proxy.csv',
        fingerprint: result.fingerprint,
        lines: 10,
      }),
    ]);
  });

  it('changes nothing when the same content comes again, gzipped or not', async () => {
    const before = await snapshot();
    const again = await services.usageIngest.ingest(
      admin,
      { name: 'again.csv.gz', chunks: bytesOf(gzip(HAND_LOG)) },
      csv,
    );
    expect(again).toMatchObject({ status: 'already_ingested', written: { daily: 0, user_days: 0 } });
    expect(await snapshot()).toEqual(before);
  });

  it('writes nothing from a truncated gzip file or a file of unknown format', async () => {
    const before = await snapshot();
    const big = gzip(`${HAND_LOG}\n${HAND_LOG.split('\n').slice(1).join('\n').repeat(50)}`);
    await expect(
      services.usageIngest.ingest(
        admin,
        { name: 'cut.gz', chunks: bytesOf(big.subarray(0, big.length - 40)) },
        csv,
      ),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/truncated or damaged/),
    });
    await expect(
      services.usageIngest.ingest(admin, { name: 'notes.txt', chunks: bytesOf('hello\nworld\n') }, csv),
    ).rejects.toMatchObject({
      code: 'unsupported_media_type',
      message: expect.stringMatching(/not recognised/),
    });
    expect(await snapshot()).toEqual(before);
  });

  it('recounts distinct users when a new file adds to a day already stored', async () => {
    const more = [
      'time,user,host,bytes_out,bytes_in,department,office',
      '2026-11-23T15:00:00Z,u2,chatgpt.com,1,1,Finance,Nairobi',
      '2026-11-23T16:00:00Z,u5,chatgpt.com,1,1,Finance,Nairobi',
    ].join('\n');
    await services.usageIngest.ingest(admin, { name: 'more.csv', chunks: bytesOf(more) }, csv);
    const row = await db()
      .kysely.selectFrom('usage_daily')
      .selectAll()
      .where('day', '=', '2026-11-23')
      .where('app_id', '=', 'chatgpt')
      .executeTakeFirstOrThrow();
    // u1, u2 (first file) and u5: three users; events and bytes add up; only u5 is numbered anew.
    expect(await count('usage_users')).toBe(5);
    expect([...unpackUserSet(row.user_ids)]).toHaveLength(3);
    expect(row).toMatchObject({
      events: 5,
      users: 3,
      bytes_up: 1702,
      department: 'Finance',
      office: 'Nairobi',
    });
  });

  it('refuses to ingest without a key, saying how to set one, and writes nothing', async () => {
    const before = await snapshot();
    const keyless = usageServices(db(), null);
    await expect(
      keyless.usageIngest.ingest(admin, { name: 'x.csv', chunks: bytesOf(HAND_LOG) }, csv),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/CUSTOS_USAGE_KEY/),
    });
    expect(await snapshot()).toEqual(before);
  });

  it('lets governance officers ingest, and refuses auditors and viewers', async () => {
    const log = HAND_LOG.replace('u1', 'u7');
    for (const role of ['auditor', 'viewer', 'regional_focal_point'] as const)
      await expect(
        services.usageIngest.ingest(as(role), { name: 'x.csv', chunks: bytesOf(log) }, csv),
      ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(services.usageIngest.listFiles(as('viewer'), { limit: 5 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const done = await services.usageIngest.ingest(
      as('governance_officer'),
      { name: 'x.csv', chunks: bytesOf(log) },
      csv,
    );
    expect(done.status).toBe('ingested');
  });
});

describe('AI usage files list', () => {
  it('pages newest first with a cursor', async () => {
    const { openTestDb } = await import('../../db/testing/dialects.js');
    const db = await openTestDb('sqlite');
    try {
      const services = usageServices(db);
      for (const n of [1, 2, 3])
        await services.usageIngest.ingest(
          admin,
          { name: `f${n}.csv`, chunks: bytesOf(HAND_LOG.replace('u3', `v${n}`)) },
          csv,
        );
      const first = await services.usageIngest.listFiles(admin, { limit: 2 });
      expect(first.items.map((f) => f.name)).toEqual(['f3.csv', 'f2.csv']);
      const second = await services.usageIngest.listFiles(admin, { limit: 2, cursor: first.next_cursor! });
      expect(second).toMatchObject({ items: [{ name: 'f1.csv' }], next_cursor: null });
    } finally {
      await db.close();
    }
  });
});

import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { currentSchema } from '../../db/dialect.js';
import { ASSET_SEARCH, termWords, WORDS_PER_TERM } from '../../db/fulltext.js';
import { WordStatisticsCache } from '../../db/fulltext-stats.js';
import { migrateToLatest } from '../../db/migrate.js';
import { MIGRATIONS } from '../../db/migrations/index.js';
import { describeEachDialect, openTestDb } from '../../db/testing/dialects.js';
import type { Db } from '../../db/database.js';
import { createTestApp, type TestApp } from '../../http/testing/test-app.js';
import { addAsset, seedCtx, seedInventoryWorld, type InventoryWorld } from './testing/inventory-world.js';

/*
 * A search asks the full-text index for the whole words each term starts, which the asset_words table
 * lists (src/db/fulltext.ts): it must hold every word of every asset's search text, from the migration
 * that creates it and after every write, or a search would miss assets.
 */

const pgUrl = inject('pgUrl');
const BEFORE = '20261201130000_asset_search_walk';

/** In code point order, as both databases keep the words. */
const inOrder = (words: Iterable<string>) =>
  [...words].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

describeEachDialect('search words', ({ db: dbOf }) => {
  let db: Db;
  let t: TestApp;
  let world: InventoryWorld;
  const stored = async () =>
    inOrder((await db.kysely.selectFrom('asset_words').select('word').execute()).map((r) => r.word));
  const assetWords = async () => {
    const texts = await db.kysely.selectFrom('assets').select('search_text').execute();
    return inOrder(new Set(texts.flatMap((row) => row.search_text.split(' ')).filter((word) => word)));
  };
  const names = async (q: string) =>
    (await t.services.assets.list(seedCtx, { q, limit: 50 })).items.map((asset) => asset.name).sort();

  beforeAll(async () => {
    db = dbOf();
    t = await createTestApp(db);
    world = await seedInventoryWorld(t.services, 'W');
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('records the words of new and changed assets, and of a renamed system’s assets', async () => {
    const kenya = world.offices.kenya.id;
    const system = await addAsset(t.services, {
      name: 'Quokka platform',
      asset_type: 'application',
      office_id: kenya,
    });
    const held = await addAsset(t.services, {
      name: 'Ledger',
      asset_type: 'dataset',
      office_id: kenya,
      system_id: system.id,
      tags: ['Ωmega'],
    });
    expect(await stored()).toEqual(expect.arrayContaining(['quokka', 'platform', 'ledger', 'ωmega']));
    await t.services.assets.update(seedCtx, held.id, {
      description: 'Zanzibar archive',
      version: held.version,
    });
    await t.services.assets.update(seedCtx, system.id, { name: 'Wombat platform', version: system.version });
    expect(await stored()).toEqual(expect.arrayContaining(['zanzibar', 'archive', 'wombat']));
    expect(await names('zanz')).toEqual(['Ledger']);
    expect(await names('womb')).toEqual(['Ledger', 'Wombat platform']);
    // Every word an asset has is there; words no asset has any more may stay.
    expect(await stored()).toEqual(expect.arrayContaining(await assetWords()));
  });

  it('lets writers adding the same new words at once all succeed', async () => {
    const kenya = world.offices.kenya.id;
    const words = Array.from({ length: 12 }, (_, i) => `concurrent${String.fromCharCode(97 + i)}`);
    // Each batch names the new words in another order, over several assets.
    const batches = Array.from({ length: 6 }, (_, b) =>
      Array.from({ length: 4 }, (_, a) => ({
        name: `Batch ${b} asset ${a}`,
        description: [...words.slice(b + a), ...words.slice(0, b + a)].reverse().join(' '),
        asset_type: 'dataset' as const,
        office_id: kenya,
      })),
    );
    await Promise.all(batches.map((batch) => t.services.assets.createMany(seedCtx, batch)));
    expect(await stored()).toEqual(expect.arrayContaining(words));
    expect(await names('concurrentl')).toHaveLength(24);
  });

  it('is filled by its migration from the assets already stored', async () => {
    const migrator = new Migrator({
      db: db.kysely,
      provider: { getMigrations: async () => MIGRATIONS },
      migrationTableSchema: await currentSchema(db.kysely, db.dialect),
    });
    const down = await migrator.migrateTo(BEFORE);
    if (down.error) throw down.error;
    expect((await migrateToLatest(db)).applied).toContain('20261201140000_asset_words');
    expect(await stored()).toEqual(await assetWords());
    expect(await names('zanz')).toEqual(['Ledger']);
  });

  it('reads PostgreSQL’s statistics on the words, as ANALYZE leaves them, once (SQLite keeps none)', async () => {
    const cache = new WordStatisticsCache(db.kysely, ASSET_SEARCH);
    if (db.dialect === 'sqlite') {
      expect(await cache.get()).toBeNull();
      return;
    }
    await sql`analyze assets`.execute(db.kysely);
    const statistics = await cache.get();
    const texts = (await db.kysely.selectFrom('assets').select('search_text').execute()).map((row) =>
      row.search_text.split(' '),
    );
    const share = (word: string) => texts.filter((words) => words.includes(word)).length / texts.length;
    expect(statistics?.rows).toBe(texts.length);
    // On 24 of the assets (the concurrent writers' test).
    expect(statistics?.shares.get('concurrenta')).toBeCloseTo(share('concurrenta'), 2);
    expect(statistics?.leastShare).toBeCloseTo(Math.min(...(statistics?.shares.values() ?? [])), 6);
    expect(cache.get()).toBe(cache.get());
  });
});

describe.skipIf(!pgUrl)('search words of a term (PostgreSQL)', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb('postgres', pgUrl);
  });
  afterAll(async () => {
    await db.close();
  });

  it.each([
    ['one word', ['quok'], [{ words: ['quokka'] }]],
    ['the whole word', ['quokka'], [{ words: ['quokka'] }]],
    ['several words, in code point order', ['sur'], [{ words: ['surf', 'survey', 'surveys'] }]],
    ['each term apart', ['sur', 'quo'], [{ words: ['surf', 'survey', 'surveys'] }, { words: ['quokka'] }]],
    ['more words than asked for: the prefix', ['w'], [{ prefix: 'w' }]],
    ['a term ending in z', ['zz'], [{ words: ['zzz'] }]],
    ['Greek', ['δεδ'], [{ words: ['δεδομενα'] }]],
    ['Devanagari, ending in a mark', ['हि'], [{ words: ['हिन्दी'] }]],
    ['no word starts it: nothing matches', ['sur', 'xylo'], null],
  ])('%s', async (_case, terms, expected) => {
    await sql`insert into asset_words (word) select unnest(${[
      'surf',
      'survey',
      'surveys',
      'su',
      'quokka',
      'zzz',
      'δεδομενα',
      'हिन्दी',
      ...Array.from({ length: WORDS_PER_TERM + 1 }, (_, i) => `w${String(i).padStart(2, '0')}`),
    ]}::text[]) on conflict do nothing`.execute(db.kysely);
    expect(await termWords(db.kysely, ASSET_SEARCH, terms, WORDS_PER_TERM)).toEqual(expected);
  });

  it('gives prefixes without asking when told to ask for no words', async () => {
    expect(await termWords(db.kysely, ASSET_SEARCH, ['sur', 'xylo'], 0)).toEqual([
      { prefix: 'sur' },
      { prefix: 'xylo' },
    ]);
  });
});

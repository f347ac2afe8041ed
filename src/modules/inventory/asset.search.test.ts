import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../core/permissions.js';
import { ASSET_SEARCH, FEW_MATCHES, hasEveryWordPrefix } from '../../db/fulltext.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import type { Asset } from './asset.schema.js';
import { addAsset, seedInventoryWorld, type InventoryWorld } from './testing/inventory-world.js';

describeEachDialect('data asset search and filters', ({ db, dialect }) => {
  let t: TestApp;
  let admin: TestClient;
  let world: InventoryWorld;
  let prima: Asset;
  let registry: Asset;

  beforeAll(async () => {
    t = await createTestApp(db());
    admin = await t.signIn('admin');
    world = await seedInventoryWorld(t.services, 'SR');
    prima = await addAsset(t.services, {
      name: 'PRIMA case management',
      asset_type: 'application',
      office_id: world.offices.kenya.id,
      data_owner_id: world.staff.kenyaOwner.id,
      sensitivity_label: 'Confidential',
    });
    registry = await addAsset(t.services, {
      name: 'Beneficiary registry',
      description: 'Household survey of the García family and neighbours',
      asset_type: 'dataset',
      office_id: world.offices.kenya.id,
      system_id: prima.id,
      tags: ['Health-Survey', 'cash'],
      sensitivity_label: 'Confidential',
      personal_data: true,
    });
    await addAsset(t.services, {
      name: 'Ödeme kayıtları',
      description: 'Payment records',
      asset_type: 'paper_records',
      office_id: world.offices.ethiopia.id,
      tags: ['finance'],
      sensitivity_label: 'Public',
    });
    await addAsset(t.services, {
      name: 'Staff roster',
      asset_type: 'file_share',
      office_id: world.offices.senegal.id,
      data_owner_id: world.staff.hqOwner.id,
      personal_data: true,
    });
    await addAsset(t.services, {
      name: 'HQ API gateway',
      asset_type: 'api',
      office_id: world.offices.hq.id,
      sensitivity_label: 'Internal',
    });
  });
  afterAll(async () => {
    await t.app.close();
  });

  const names = async (query: string): Promise<string[]> => {
    const res = await admin.request({ method: 'GET', url: `/api/assets?limit=500&${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((asset: Asset) => asset.name);
  };
  const q = (text: string) => names(`q=${encodeURIComponent(text)}`);

  it('finds words whatever their case and accents, in the text or in the query', async () => {
    expect(await q('garcia')).toEqual(['Beneficiary registry']);
    expect(await q('GARCÍA')).toEqual(['Beneficiary registry']);
    expect(await q('odeme')).toEqual(['Ödeme kayıtları']);
    expect(await q('Ödeme')).toEqual(['Ödeme kayıtları']);
  });

  it('searches the description and the tags, a tag word by word', async () => {
    expect(await q('payment')).toEqual(['Ödeme kayıtları']);
    expect(await q('health')).toEqual(['Beneficiary registry']);
    expect(await q('health-survey')).toEqual(['Beneficiary registry']);
    expect(await q('finance')).toEqual(['Ödeme kayıtları']);
  });

  it('matches word beginnings, and needs every word of the query', async () => {
    expect(await q('benef regis')).toEqual(['Beneficiary registry']);
    expect(await q('benef roster')).toEqual([]);
    expect(await q('egistry')).toEqual([]);
    expect(await q('ro')).toEqual(['Staff roster']);
  });

  it('finds the assets of a system by its name, and follows when the system is renamed', async () => {
    expect(await q('prima')).toEqual(['Beneficiary registry', 'PRIMA case management']);
    const renamed = await admin.request({
      method: 'PATCH',
      url: `/api/assets/${prima.id}`,
      payload: { name: 'Nova case management', version: prima.version },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await q('prima')).toEqual([]);
    expect(await q('nova')).toEqual(['Beneficiary registry', 'Nova case management']);
    // The assets held did not change: same version, no audit event.
    expect((await admin.request({ method: 'GET', url: `/api/assets/${registry.id}` })).json()).toEqual(
      registry,
    );

    const detached = await admin.request({
      method: 'PATCH',
      url: `/api/assets/${registry.id}`,
      payload: { system_id: null, version: registry.version },
    });
    expect(detached.statusCode).toBe(200);
    expect(await q('nova')).toEqual(['Nova case management']);
    const reattached = await admin.request({
      method: 'PATCH',
      url: `/api/assets/${registry.id}`,
      payload: { system_id: prima.id, version: registry.version + 1 },
    });
    expect(reattached.statusCode).toBe(200);
    expect(await q('nova')).toEqual(['Beneficiary registry', 'Nova case management']);
  });

  it('ignores a query with no letters or digits, and refuses one over 200 characters', async () => {
    expect(await q('-- "*" %')).toHaveLength(5);
    const long = await admin.request({ method: 'GET', url: `/api/assets?q=${'a'.repeat(201)}` });
    expect(long.statusCode).toBe(400);
  });

  it('forgets a deleted asset', async () => {
    const temp = await addAsset(t.services, {
      name: 'Ephemeral zebra',
      asset_type: 'dataset',
      office_id: world.offices.kenya.id,
    });
    expect(await q('zebra')).toEqual(['Ephemeral zebra']);
    const removed = await admin.request({ method: 'DELETE', url: `/api/assets/${temp.id}?version=1` });
    expect(removed.statusCode).toBe(204);
    expect(await q('zebra')).toEqual([]);
  });

  it('filters by office, region, label, personal data, owner, system and type, alone or with a search', async () => {
    expect(await names(`office_id=${world.offices.senegal.id}`)).toEqual(['Staff roster']);
    expect(await names(`region_id=${world.regions.east.id}`)).toEqual([
      'Beneficiary registry',
      'Nova case management',
      'Ödeme kayıtları',
    ]);
    expect(await names('sensitivity_label=Confidential')).toEqual([
      'Beneficiary registry',
      'Nova case management',
    ]);
    expect(await names('sensitivity_label=Strictly%20Confidential')).toEqual([]);
    expect(await names('sensitivity_label=unlabelled')).toEqual(['Staff roster']);
    expect(await names('personal_data=true')).toEqual(['Beneficiary registry', 'Staff roster']);
    expect(await names('personal_data=false')).toEqual([
      'HQ API gateway',
      'Nova case management',
      'Ödeme kayıtları',
    ]);
    expect(await names(`owner_id=${world.staff.hqOwner.id}`)).toEqual(['Staff roster']);
    expect(await names(`owner_id=${world.staff.kenyaOwner.id}`)).toEqual([
      'Beneficiary registry',
      'Nova case management',
    ]);
    expect(await names(`system_id=${prima.id}`)).toEqual(['Beneficiary registry']);
    expect(await names('asset_type=api')).toEqual(['HQ API gateway']);
    expect(await names(`q=nova&asset_type=dataset&region_id=${world.regions.east.id}`)).toEqual([
      'Beneficiary registry',
    ]);
    for (const bad of ['sensitivity_label=Secret', 'personal_data=yes', 'asset_type=table', 'office_id=KE']) {
      const res = await admin.request({ method: 'GET', url: `/api/assets?${bad}` });
      expect(res.statusCode, bad).toBe(400);
    }
  });

  it('pages through results with a cursor in either direction, with or without a search', async () => {
    for (let i = 0; i < 7; i += 1)
      await addAsset(t.services, {
        name: `Paged ${String.fromCharCode(71 - i)}`,
        asset_type: 'dataset',
        office_id: world.offices.hq.id,
        tags: ['paged'],
      });
    const walk = async (query: string): Promise<string[]> => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url: string = `/api/assets?limit=3&${query}${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await admin.request({ method: 'GET', url });
        expect(res.statusCode, res.body).toBe(200);
        const page = res.json() as { items: Asset[]; next_cursor: string | null };
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((asset) => asset.name));
        cursor = page.next_cursor;
        pages += 1;
      } while (cursor !== null);
      expect(pages).toBe(Math.ceil(seen.length / 3) || 1);
      return seen;
    };
    const ascending = ['Paged A', 'Paged B', 'Paged C', 'Paged D', 'Paged E', 'Paged F', 'Paged G'];
    expect(await walk('q=paged')).toEqual(ascending);
    expect(await walk('q=paged&sort=-name')).toEqual(ascending.toReversed());
    expect(await walk('q=paged&sort=created_at')).toEqual(ascending.toReversed());
    const all = await walk(`office_id=${world.offices.hq.id}&sort=-updated_at`);
    expect(all).toHaveLength(8);
    expect(new Set(all).size).toBe(8);

    const badSort = await admin.request({ method: 'GET', url: '/api/assets?sort=purpose' });
    expect(badSort.statusCode).toBe(400);
    expect(badSort.json().error.details.issues[0].path).toBe('sort');
    const badCursor = await admin.request({ method: 'GET', url: '/api/assets?cursor=nonsense' });
    expect(badCursor.statusCode).toBe(400);
  });

  it('answers the same whether a word is rare or on more than FEW_MATCHES assets', async () => {
    const count = FEW_MATCHES + 5;
    await t.services.assets.createMany(
      { actor: systemActor('test'), requestId: null },
      Array.from({ length: count }, (_, i) => ({
        name: `Common ${String(i).padStart(4, '0')}`,
        asset_type: 'dataset' as const,
        office_id: i % 2 === 0 ? world.offices.hq.id : world.offices.senegal.id,
        tags: i % 100 === 0 ? ['ubiquitous', 'rarebird'] : ['ubiquitous'],
      })),
    );
    const page = async (query: string) => {
      const res = await admin.request({ method: 'GET', url: `/api/assets?${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Asset[]; next_cursor: string | null };
    };
    const first = await page('q=ubiq&limit=3');
    expect(first.items.map((a) => a.name)).toEqual(['Common 0000', 'Common 0001', 'Common 0002']);
    const second = await page(`q=ubiq&limit=3&cursor=${first.next_cursor}`);
    expect(second.items.map((a) => a.name)).toEqual(['Common 0003', 'Common 0004', 'Common 0005']);
    expect((await page('q=ubiquitous&sort=-name&limit=2')).items.map((a) => a.name)).toEqual([
      `Common ${count - 1}`,
      `Common ${count - 2}`,
    ]);
    const senegal = await page(`q=ubiquitous&office_id=${world.offices.senegal.id}&limit=2`);
    expect(senegal.items.map((a) => a.name)).toEqual(['Common 0001', 'Common 0003']);
    expect((await page(`q=ubiquitous&office_id=${world.offices.kenya.id}`)).items).toEqual([]);
    const rare = await page('q=ubiquitous+rarebird&limit=500');
    expect(rare.items.map((a) => a.name)).toEqual(
      Array.from({ length: 11 }, (_, i) => `Common ${String(i * 100).padStart(4, '0')}`),
    );
    let seen = 0;
    let cursor: string | null = null;
    do {
      const next: { items: Asset[]; next_cursor: string | null } = await page(
        `q=ubiquitous&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen += next.items.length;
      cursor = next.next_cursor;
    } while (cursor !== null);
    expect(seen).toBe(count);
  });

  it('keeps its full-text index in step with the table', async () => {
    const k = db().kysely;
    if (dialect === 'postgres') {
      // The search condition must be what the GIN index covers, or PostgreSQL scans every row.
      const plan = await k.transaction().execute(async (trx) => {
        // Left only the choice between the full-text index and nothing (a plan at any cost).
        for (const setting of ['enable_seqscan', 'enable_indexscan', 'enable_indexonlyscan'])
          await sql`select set_config(${setting}, 'off', true)`.execute(trx);
        const condition = hasEveryWordPrefix(trx, ASSET_SEARCH, ['nova']);
        const { rows } = await sql<{
          'QUERY PLAN': string;
        }>`explain select id from assets where ${condition}`.execute(trx);
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      });
      expect(plan).toContain('assets_search_idx');
    } else {
      const indexed = await sql<{ n: number }>`select count(*) as n from assets_fts`.execute(k);
      const stored = await sql<{ n: number }>`select count(*) as n from assets`.execute(k);
      expect(Number(indexed.rows[0]?.n)).toBe(Number(stored.rows[0]?.n));
    }
  });
});

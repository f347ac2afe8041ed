import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SortDirection } from '../../core/pagination.js';
import { searchDocument, searchTerms } from '../../db/fulltext.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp } from '../../http/testing/test-app.js';
import type { OfficeKey } from '../org/testing/org-world.js';
import type { AssetRow } from './asset.present.js';
import type { AssetFilter, AssetSortColumn, SearchPlanning } from './asset.list.js';
import { AssetRepository } from './asset.repository.js';
import type { Asset, AssetCreate } from './asset.schema.js';
import { addAsset, seedInventoryWorld, type InventoryWorld } from './testing/inventory-world.js';

/*
 * A search has several plans (src/db/fulltext.ts, AssetRepository.list): read the matches by key from
 * the full-text index and sort them (few matches), walk the sort order and test each record's words
 * as it passes (many matches), and first test the words of the first records of the order, in case
 * they fill the page. Which one runs depends on how many records match and where, so on a few records
 * each plan is forced here, and all must give the same pages, in the same order, as the definition
 * says: every query word starts a word of the record.
 */

/** Each plan alone, and the walk ahead both filling pages and falling back. */
const PLANS: Record<string, Partial<SearchPlanning>> = {
  walk: { fewMatches: 0, aheadRows: 0 },
  'by key': { fewMatches: 10_000, aheadRows: 0 },
  'by key, prefixes': { fewMatches: 10_000, aheadRows: 0, wordsPerTerm: 0 },
  'by key, at most one word a term': { fewMatches: 10_000, aheadRows: 0, wordsPerTerm: 1 },
  'ahead, then by key': { fewMatches: 10_000, aheadRows: 6 },
  'ahead, then walk': { fewMatches: 0, aheadRows: 6 },
  'ahead only': { fewMatches: 10_000, aheadRows: 10_000 },
  // PostgreSQL's statistics (ignored on SQLite): expecting every row to match, or none.
  'expected many: walk': { fewMatches: 10_000, aheadRows: 6, statistics: expecting(1e9) },
  'expected few: by key': { fewMatches: 10_000, aheadRows: 6, statistics: expecting(0) },
  'expected few, found many: walk': { fewMatches: 1, aheadRows: 6, statistics: expecting(0) },
};

/** Statistics under which every term is on half of `rows` rows. */
function expecting(rows: number): SearchPlanning['statistics'] {
  return () => Promise.resolve({ rows, shares: new Map(), leastShare: 1 });
}

/** Assets: [name, description, tags, office, label, personal data]. */
const ASSETS: [string, string | null, string[], OfficeKey, string | null, boolean][] = [
  ['García household survey', 'Encuesta de hogares', ['Health-Survey'], 'kenya', 'Confidential', true],
  ['Garcia survey 2024', null, [], 'hq', null, false],
  ['Ödeme kayıtları', 'Payment records', ['finance'], 'ethiopia', 'Public', false],
  ['Straße register', 'Größe der Haushalte', [], 'senegal', 'Internal', true],
  ['İstanbul office survey', 'SURVEILLANCE notes', ['monthly'], 'hq', 'Confidential', false],
  ['Ελληνικά δεδομένα', 'Έρευνα νοικοκυριών', [], 'kenya', null, true],
  ['हिन्दी सर्वेक्षण', null, ['survey'], 'ethiopia', 'Internal', true],
  ['سجل المستفيدين', 'survey data', [], 'senegal', null, false],
  ['ﬁle share ２０２４', 'Scanned ﬁles', ['pii'], 'kenya', 'Public', true],
  ['日本語データ', 'データ survey', [], 'hq', null, false],
  ['Twin survey', 'first twin', [], 'kenya', 'Confidential', true],
  ['Twin survey', 'second twin', [], 'hq', 'Confidential', true],
  ['Cash distribution list', 'Cash-based survey of households', ['cash', 'cva'], 'kenya', null, true],
  ['Supply records', 'superseded by the survey', ['legacy'], 'senegal', 'Internal', false],
  ['Zebra survey', 'Sürvey with an umlaut', [], 'ethiopia', 'Public', false],
];

const QUERIES = [
  'survey',
  'SURVEY',
  'sur',
  's',
  'urvey',
  'eys',
  'garcia',
  'GARCÍA',
  'garc sur',
  'survey garc',
  'odeme',
  'kayıt',
  'kayit',
  'istanbul',
  'İstanbul',
  'strasse',
  'straße',
  'größe',
  'δεδομενα',
  'Δεδ',
  'ερευνα',
  'हिन्दी',
  'हि',
  'سجل',
  'file',
  'fi',
  '2024',
  '２０２４',
  'prima',
  'prima survey',
  'twin',
  'twin survey first',
  '日本',
  'データ',
  'cash',
  'cash-based',
  'households',
  'household',
  'xyz',
];

const SORTS: [AssetSortColumn, SortDirection][] = [
  ['name', 'asc'],
  ['name', 'desc'],
  ['updated_at', 'desc'],
  ['created_at', 'asc'],
];

describeEachDialect('asset search: walking the sort order and reading by key agree', ({ db }) => {
  let t: TestApp;
  let world: InventoryWorld;
  let system: Asset;
  /** Every asset with the words a search looks at (as the definition reads them, not the database). */
  const stored: { asset: Asset; words: string[] }[] = [];

  beforeAll(async () => {
    t = await createTestApp(db());
    world = await seedInventoryWorld(t.services, 'SP');
    system = await addAsset(t.services, {
      name: 'PRIMA Kenya',
      asset_type: 'application',
      office_id: world.offices.kenya.id,
    });
    stored.push({ asset: system, words: searchDocument('PRIMA Kenya').split(' ') });
    for (const [i, [name, description, tags, office, label, personal]] of ASSETS.entries()) {
      const underSystem = i % 3 === 0 && office === 'kenya';
      const input: AssetCreate = {
        name,
        description,
        asset_type: 'dataset',
        office_id: world.offices[office].id,
        system_id: underSystem ? system.id : null,
        tags,
        sensitivity_label: label as AssetCreate['sensitivity_label'],
        personal_data: personal,
      } as AssetCreate;
      const asset = await addAsset(t.services, input);
      const words = searchDocument(name, description, tags.join(' '), underSystem ? 'PRIMA Kenya' : null);
      stored.push({ asset, words: words.split(' ') });
    }
  });
  afterAll(async () => {
    await t.app.close();
  });

  /** Every page of 2, following the cursor, with the plan forced by `planning`. */
  const allPages = async (
    planning: Partial<SearchPlanning>,
    filter: AssetFilter,
    [column, direction]: [AssetSortColumn, SortDirection],
  ): Promise<string[]> => {
    const repo = new AssetRepository(db().kysely, planning);
    const seen: string[] = [];
    let cursor: { v: string | number | null; id: string } | null = null;
    for (let pages = 0; pages < 50; pages += 1) {
      const rows: AssetRow[] = await repo.list(filter, { sort: { column, direction }, cursor, limit: 2 });
      seen.push(...rows.slice(0, 2).map((row) => row.id));
      if (rows.length <= 2) return seen;
      const last = rows[1]!;
      cursor = { v: last[column], id: last.id };
    }
    throw new Error('more pages than assets');
  };

  /** The definition: every term starts a word of the asset, and the asset passes the filters. */
  const expected = (query: string, keep: (asset: Asset) => boolean = () => true): string[] => {
    const terms = searchTerms(query);
    return stored
      .filter(({ words }) => terms.every((term) => words.some((word) => word.startsWith(term))))
      .map(({ asset }) => asset)
      .filter(keep)
      .map((asset) => asset.id)
      .sort();
  };

  describe('every query, first sorted by name', () => {
    it.each(QUERIES)('%s', async (query) => {
      const filter: AssetFilter = { scope: undefined, terms: searchTerms(query) };
      const walked = await allPages(PLANS.walk!, filter, ['name', 'asc']);
      expect([...walked].sort()).toEqual(expected(query));
      for (const [plan, planning] of Object.entries(PLANS))
        expect(await allPages(planning, filter, ['name', 'asc']), plan).toEqual(walked);
    });
  });

  const filters: [string, (w: InventoryWorld) => Omit<AssetFilter, 'terms'>, (a: Asset) => boolean][] = [
    ['no filter', () => ({ scope: undefined }), () => true],
    [
      'label Confidential',
      () => ({ scope: undefined, label: 'Confidential' }),
      (a) => a.sensitivity_label === 'Confidential',
    ],
    ['unlabelled', () => ({ scope: undefined, label: null }), (a) => a.sensitivity_label === null],
    ['personal data', () => ({ scope: undefined, personalData: true }), (a) => a.personal_data],
    [
      'office Kenya',
      (w) => ({ scope: undefined, officeId: w.offices.kenya.id }),
      (a) => a.office_id === world.offices.kenya.id,
    ],
    [
      'region east',
      (w) => ({ scope: undefined, regionId: w.regions.east.id }),
      (a) => a.office_id === world.offices.kenya.id || a.office_id === world.offices.ethiopia.id,
    ],
    [
      'scope Kenya and HQ',
      (w) => ({ scope: new Set([w.offices.kenya.id, w.offices.hq.id]) }),
      (a) => a.office_id === world.offices.kenya.id || a.office_id === world.offices.hq.id,
    ],
    ['system PRIMA', () => ({ scope: undefined, systemId: system.id }), (a) => a.system_id === system.id],
  ];

  describe('filters, scope and every sort order', () => {
    const cases = ['sur', 'survey', 'garc sur', 'twin', 'prima', 'δεδ', 'データ', 's'].flatMap((query) =>
      filters.map(([name, filter, keep]) => [query, name, filter, keep] as const),
    );
    it.each(cases)('%s, %s', async (query, _name, filter, keep) => {
      const full: AssetFilter = { ...filter(world), terms: searchTerms(query) };
      for (const sort of SORTS) {
        const walked = await allPages(PLANS.walk!, full, sort);
        expect([...walked].sort(), sort.join(' ')).toEqual(expected(query, keep));
        for (const [plan, planning] of Object.entries(PLANS))
          expect(await allPages(planning, full, sort), `${plan}, ${sort.join(' ')}`).toEqual(walked);
      }
    });
  });

  it('has assets behind most queries, so the agreement is not over empty pages', () => {
    const found = QUERIES.filter((query) => expected(query).length > 0);
    expect(found.length).toBeGreaterThan(QUERIES.length - 10);
    expect(expected('s').length).toBeGreaterThan(5);
  });
});
